import { rooms, type SessionUser } from '@diwan/contracts';
import { businessKeysOfUserTasks } from '../tasks/user-task.visibility.js';
import type { Mail } from './mail.model.js';

/**
 * Who may see a mail. The one place for it: every mail route, the attachments,
 * the registry, the CSV export and the Socket.io publication use these rules.
 *
 * - Confidential and secret mails: only their named users and the registrar who
 *   registered them. Nobody else, not even an admin or a supervisor.
 * - Normal mails: admins, supervisors, registrars and the cabinet see all; heads
 *   and agents see those of their departments (for action, for information,
 *   consulted) and those on which they have or had a user task.
 */
const SEES_ALL_NORMAL_MAIL = ['admin', 'supervisor', 'registrar', 'cabinet'] as const;

export const seesAllNormalMail = (user: SessionUser) => user.roles.some((r) => (SEES_ALL_NORMAL_MAIL as readonly string[]).includes(r));

const OBJECT_ID = /^[0-9a-f]{24}$/i;

type MailRights = Pick<Mail, 'confidentiality' | 'namedUsers' | 'registeredBy' | 'departments'> & { _id: unknown };

/** Mail ids (business keys) on which the user has or had a user task. */
async function mailIdsWithUserTasks(user: SessionUser): Promise<string[]> {
  return (await businessKeysOfUserTasks(user)).filter((k) => OBJECT_ID.test(k));
}

/** A MongoDB filter for the mails this user may see. */
export async function visibleMailFilter(user: SessionUser): Promise<Record<string, unknown>> {
  const restricted = { confidentiality: { $ne: 'normal' }, $or: [{ namedUsers: user.username }, { registeredBy: user.username }] };
  if (seesAllNormalMail(user)) return { $or: [{ confidentiality: 'normal' }, restricted] };
  const ids = await mailIdsWithUserTasks(user);
  const own = [
    { 'departments.forAction': { $in: user.departments } },
    { 'departments.forInformation': { $in: user.departments } },
    { 'departments.consulted': { $in: user.departments } },
    ...(ids.length ? [{ _id: { $in: ids } }] : []),
  ];
  return { $or: [{ confidentiality: 'normal', $or: own }, restricted] };
}

/** May this user see this one mail? */
export async function maySeeMail(user: SessionUser, mail: MailRights): Promise<boolean> {
  if (mail.confidentiality !== 'normal') return mail.namedUsers.includes(user.username) || mail.registeredBy === user.username;
  if (seesAllNormalMail(user)) return true;
  const { forAction, forInformation, consulted } = mail.departments;
  if ([...forAction, ...forInformation, ...consulted].some((d) => user.departments.includes(d))) return true;
  return (await mailIdsWithUserTasks(user)).includes(String(mail._id));
}

/** The Socket.io rooms that may hear about this mail. */
export function roomsOfMail(mail: MailRights): string[] {
  if (mail.confidentiality !== 'normal') return [...new Set([...mail.namedUsers, mail.registeredBy])].map(rooms.user);
  const { forAction, forInformation, consulted } = mail.departments;
  return [
    rooms.supervisors,
    rooms.group('registry'),
    rooms.group('cabinet'),
    ...[...new Set([...forAction, ...forInformation, ...consulted])].map(rooms.group),
    rooms.mail(String(mail._id)),
  ];
}
