import type { MailDto, MailPage, MailQuery, SessionUser } from '@diwan/contracts';
import { entriesOfMail } from '../audit/audit.service.js';
import { containsQuery, normalizeText } from '../search/normalize.js';
import { mailIdsWithOpenTasks } from '../tasks/user-task.open-work.js';
import { NotFoundError } from '../shared/errors.js';
import { toMailDto } from './mail.dto.js';
import { MailModel, type Mail } from './mail.model.js';
import { maySeeMail, visibleMailFilter } from './mail.visibility.js';

export const CSV_ROW_CAP = 10_000;
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** A mail the caller may see, else 404 (whether it exists is not told). */
export async function findVisibleMail(user: SessionUser, id: string): Promise<Mail> {
  const mail = OBJECT_ID.test(id) ? await MailModel.findById(id).lean() : null;
  if (!mail || !(await maySeeMail(user, mail))) throw new NotFoundError(`No mail ${id}`);
  return mail;
}

export async function getMail(user: SessionUser, id: string): Promise<MailDto> {
  const mail = await findVisibleMail(user, id);
  return toMailDto(mail, await entriesOfMail(id));
}

const SORTS: Record<MailQuery['sort'], Record<string, 1 | -1>> = {
  registeredAt: { registeredAt: 1, _id: 1 },
  '-registeredAt': { registeredAt: -1, _id: -1 },
  dueDate: { dueDate: 1, _id: 1 },
  '-dueDate': { dueDate: -1, _id: -1 },
  priority: { priorityRank: 1, registeredAt: -1 },
  '-priority': { priorityRank: -1, registeredAt: -1 },
};

async function registryFilter(user: SessionUser, q: MailQuery, timeZone: string): Promise<Record<string, unknown>> {
  return { $and: [await visibleMailFilter(user), ...(await contentFilters(q, timeZone))] };
}

/** What the query asks for, whoever asks. */
async function contentFilters(q: MailQuery, timeZone: string): Promise<Record<string, unknown>[]> {
  const and: Record<string, unknown>[] = [];
  if (q.q && normalizeText(q.q)) and.push({ searchText: containsQuery(q.q) });
  if (q.chronoNumber) and.push({ chronoNumber: new RegExp(escapeUpper(q.chronoNumber)) });
  if (q.correspondent && normalizeText(q.correspondent)) and.push({ correspondentSearchText: containsQuery(q.correspondent) });
  if (q.status) and.push({ status: q.status });
  if (q.direction) and.push({ direction: q.direction });
  if (q.department) and.push({ $or: [{ 'departments.forAction': q.department }, { 'departments.forInformation': q.department }, { 'departments.consulted': q.department }] });
  if (q.from) and.push({ receivedAt: { $gte: new Date(`${q.from}T00:00:00.000Z`) } });
  if (q.to) and.push({ receivedAt: { $lte: new Date(`${q.to}T23:59:59.999Z`) } });
  if (q.mailType) and.push({ mailType: q.mailType });
  if (q.circuit) and.push({ 'circuit.key': q.circuit });
  if (q.work || q.openIn || q.assignee) and.push(...(await openWorkFilter(q, timeZone)));
  return and;
}

const SEARCH_KEYS = ['q', 'chronoNumber', 'correspondent', 'status', 'direction', 'department', 'from', 'to'] as const;

/**
 * How many mails of a dashboard count the register leaves out because the caller may not open
 * them (confidential and secret mail, listed only to its named users). Told only for a query of
 * open work alone and to whom the dashboard already shows that count (admins, supervisors, a head
 * for one of his departments), so that it tells nothing the dashboard does not.
 */
async function withheldOfOpenWork(user: SessionUser, q: MailQuery, timeZone: string, listed: number): Promise<number | undefined> {
  if (!(q.work || q.openIn || q.assignee) || SEARCH_KEYS.some((key) => q[key])) return undefined;
  const seesWholeDashboard = user.roles.includes('admin') || user.roles.includes('supervisor');
  if (!seesWholeDashboard && !(user.roles.includes('head') && q.openIn && user.departments.includes(q.openIn))) return undefined;
  return Math.max(0, (await MailModel.countDocuments({ $and: await contentFilters(q, timeZone) })) - listed);
}

/**
 * Open work as the dashboard counts it: mails with an open task (of a department, of a person);
 * late when the deadline's day is before today in the administration's time zone, at risk when it
 * falls within `riskDays` days. Deadlines are stored as the end (UTC) of the day they name.
 */
async function openWorkFilter(q: MailQuery, timeZone: string): Promise<Record<string, unknown>[]> {
  const ids = (await mailIdsWithOpenTasks({ department: q.openIn, assignee: q.assignee })).filter((id) => OBJECT_ID.test(id));
  const filters: Record<string, unknown>[] = [{ _id: { $in: ids } }];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const startOf = (daysFromToday: number) => new Date(Date.parse(`${today}T00:00:00.000Z`) + daysFromToday * 86_400_000);
  if (q.work === 'overdue') filters.push({ dueDate: { $ne: null, $lt: startOf(0) } });
  if (q.work === 'atRisk') filters.push({ dueDate: { $gte: startOf(0), $lt: startOf((q.riskDays ?? 3) + 1) } });
  return filters;
}

const escapeUpper = (s: string) => s.toUpperCase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The registry: the caller's visible mails, filtered, sorted and paged. */
export async function listMails(user: SessionUser, q: MailQuery, timeZone: string): Promise<MailPage> {
  const filter = await registryFilter(user, q, timeZone);
  const [items, total] = await Promise.all([
    MailModel.find(filter).sort(SORTS[q.sort]).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
    MailModel.countDocuments(filter),
  ]);
  const withheld = await withheldOfOpenWork(user, q, timeZone, total);
  return { items: items.map((m) => toMailDto(m)), total, page: q.page, pageSize: q.pageSize, ...(withheld === undefined ? {} : { withheld }) };
}

/** Every matching mail, up to the CSV cap, for the export. */
export async function allMatchingMails(user: SessionUser, q: MailQuery, timeZone: string): Promise<MailDto[]> {
  const filter = await registryFilter(user, q, timeZone);
  return (await MailModel.find(filter).sort(SORTS[q.sort]).limit(CSV_ROW_CAP).lean()).map((m) => toMailDto(m));
}

/** Visible mails from the same correspondent with the same letter reference: the registrar's duplicate hint. */
export async function findDuplicates(user: SessionUser, q: { correspondentId?: string; correspondentName?: string; letterReference: string }): Promise<MailDto[]> {
  const and: Record<string, unknown>[] = [await visibleMailFilter(user), { status: { $ne: 'void' } }, { letterReference: q.letterReference }];
  if (q.correspondentId) and.push({ 'correspondent.id': q.correspondentId });
  else if (q.correspondentName) and.push({ correspondentSearchText: normalizeText(q.correspondentName) });
  return (await MailModel.find({ $and: and }).sort({ registeredAt: -1 }).limit(20).lean()).map((m) => toMailDto(m));
}
