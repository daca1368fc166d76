import type { SessionUser } from '@diwan/contracts';
import type { QueryFilter } from 'mongoose';
import type { Absence } from './absence.model.js';

/**
 * Who may do what with absences, in one place:
 * - declare: for oneself; a head for someone of one of their departments; an admin for anyone;
 * - see: one's own and those where one is the substitute; a head those of their departments;
 *   admins and supervisors all;
 * - end or cancel: the absent person, whoever declared it, a head of their departments, an admin.
 */
const isAdmin = (user: SessionUser) => user.roles.includes('admin');
const seesAll = (user: SessionUser) => isAdmin(user) || user.roles.includes('supervisor');
const heads = (user: SessionUser, departments: string[]) => user.roles.includes('head') && departments.some((d) => user.departments.includes(d));

export const absenceRights = {
  declareFor(user: SessionUser, person: { username: string; departments: string[] }): boolean {
    return person.username === user.username || isAdmin(user) || heads(user, person.departments);
  },
  end(user: SessionUser, absence: Pick<Absence, 'username' | 'declaredBy' | 'departments'>): boolean {
    return absence.username === user.username || absence.declaredBy === user.username || isAdmin(user) || heads(user, absence.departments);
  },
  /** The absences the user may see, as a query. */
  visible(user: SessionUser): QueryFilter<Absence> {
    if (seesAll(user)) return {};
    const mine: QueryFilter<Absence>[] = [{ username: user.username }, { substitute: user.username }, { declaredBy: user.username }];
    if (user.roles.includes('head') && user.departments.length) mine.push({ departments: { $in: user.departments } });
    return { $or: mine };
  },
};
