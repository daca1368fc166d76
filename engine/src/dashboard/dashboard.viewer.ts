import type { SessionUser } from '@diwan/contracts';
import { NotAllowedError } from '../shared/errors.js';
import type { MailRights } from './dashboard.model.js';

/** Who sees the dashboard: admins and supervisors all of it, a head his departments only, nobody else. */
export function departmentScope(viewer: SessionUser, department: string | undefined): string[] | null {
  if (viewer.roles.includes('admin') || viewer.roles.includes('supervisor')) return department ? [department] : null;
  if (!viewer.roles.includes('head')) throw new NotAllowedError('The dashboard is for admins, supervisors and heads of department');
  if (department && !viewer.departments.includes(department)) throw new NotAllowedError(`Department ${department} is not one of yours`);
  return department ? [department] : [...viewer.departments];
}

/**
 * May the viewer read the mail's chrono number in the feed? The rules of mail.visibility.ts
 * without its task lookup: confidential and secret mail only to its named users and registrar;
 * normal mail to those who see all of it, and to members of its departments. A head who sees a
 * mail only through a task of his gets the line without the number (never more than allowed).
 */
export function mayReadNumber(viewer: SessionUser, rights: MailRights | null): boolean {
  if (!rights) return false;
  if (rights.confidentiality !== 'normal') return rights.namedUsers.includes(viewer.username) || rights.registeredBy === viewer.username;
  if (['admin', 'supervisor', 'registrar', 'cabinet'].some((r) => viewer.roles.includes(r as SessionUser['roles'][number]))) return true;
  return rights.departments.some((d) => viewer.departments.includes(d));
}
