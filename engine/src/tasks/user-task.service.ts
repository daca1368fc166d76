import { z } from 'zod';
import type { AuditAction, SessionUser, UserTaskDto } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { toVariables } from '../runtime/runtime.variables.js';
import { BadInputError, ConflictError, DiwanError, NotFoundError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { activeUser } from '../users/user.service.js';
import { delegatorOf } from '../absences/absence.service.js';
import { UserTaskForms, type UserTaskForm } from './user-task.form.js';
import { UserTaskModel, toUserTaskDto } from './user-task.model.js';
import { groupsOf, isCandidate, userTaskRights } from './user-task.rights.js';
import { visibleTaskFilter } from './user-task.visibility.js';

/** The most tasks one answer holds (and the socket snapshot). */
export const MAX_PAGE_SIZE = 500;

export const userTaskQuerySchema = z.object({
  /** me, unassigned, any, or a username (a supervisor sees an absent person's tasks; others stay within what they may see). */
  assignee: z.union([z.enum(['me', 'unassigned', 'any']), z.string().trim().min(1).max(100)]).default('any'),
  candidateGroup: z.string().min(1).optional(),
  businessKey: z.string().min(1).optional(),
  processInstanceId: z.string().min(1).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['dueDate', '-dueDate', 'priority', '-priority', 'createdAt']).default('createdAt'),
  /** 1-based; the answer's X-Total-Count and Link headers tell how many there are and where the next page is. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE),
});
export type UserTaskQuery = Partial<z.infer<typeof userTaskQuerySchema>>;

const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
export const completeUserTaskSchema = z.object({ variables: z.record(variableName, z.unknown()).default({}) });
export const delegateUserTaskSchema = z.object({ to: z.string().trim().min(1).max(100) });
export const bulkUserTaskSchema = z.object({
  action: z.enum(['claim', 'assign']),
  ids: z.array(z.string().min(1)).min(1).max(100),
  to: z.string().trim().min(1).max(100).optional(),
});

export interface BulkResult {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}

const SORTS: Record<string, Record<string, 1 | -1>> = {
  dueDate: { dueDate: 1, createdAt: 1 },
  '-dueDate': { dueDate: -1, createdAt: 1 },
  priority: { priority: 1, createdAt: 1 },
  '-priority': { priority: -1, createdAt: 1 },
  createdAt: { createdAt: 1 },
};

const MAIL_ID = /^[a-f0-9]{24}$/;
const mailIdOf = (task: UserTaskDto) => (task.businessKey && MAIL_ID.test(task.businessKey) ? task.businessKey : null);

/** A module's own condition on completing a task (e.g. a signature step needs its signature); throws to refuse. */
export type CompletionGuard = (user: SessionUser, task: UserTaskDto, accepted: Record<string, unknown>, language: Language) => Promise<void>;

/** Inbox queries and user-task actions; every action is checked (user-task.rights.ts), done in the runtime, then audited. */
export class UserTaskService {
  private readonly forms: UserTaskForms;
  private readonly guards: CompletionGuard[] = [];

  constructor(private readonly runtime: RuntimeClient) {
    this.forms = new UserTaskForms(runtime);
  }

  /** The open tasks the user may see, the first MAX_PAGE_SIZE of them (the socket snapshot). */
  async listVisible(user: SessionUser, query: UserTaskQuery): Promise<UserTaskDto[]> {
    return (await this.pageVisible(user, query, false)).items;
  }

  /** One page of the open tasks the user may see, and how many there are in all. */
  async pageVisible(user: SessionUser, query: UserTaskQuery, count = true): Promise<{ items: UserTaskDto[]; total: number | null }> {
    const filter: Record<string, unknown> = { ...visibleTaskFilter(user), status: 'open' };
    if (query.assignee === 'me') filter.assignee = user.username;
    if (query.assignee === 'unassigned') filter.assignee = null;
    else if (query.assignee && query.assignee !== 'me' && query.assignee !== 'any') filter.assignee = query.assignee;
    if (query.candidateGroup) filter.candidateGroups = query.candidateGroup;
    if (query.businessKey) filter.businessKey = query.businessKey;
    if (query.processInstanceId) filter.processInstanceId = query.processInstanceId;
    if (query.overdue === 'true') filter.dueDate = { $ne: null, $lt: new Date() };
    const pageSize = query.pageSize ?? MAX_PAGE_SIZE;
    const skip = ((query.page ?? 1) - 1) * pageSize;
    const [tasks, total] = await Promise.all([
      UserTaskModel.find(filter).sort(SORTS[query.sort ?? 'createdAt']!).skip(skip).limit(pageSize).lean(),
      count ? UserTaskModel.countDocuments(filter) : Promise.resolve(null),
    ]);
    return { items: tasks.map(toUserTaskDto), total };
  }

  /** Inbox counts: mine (assigned to me), groups (unclaimed in my groups), overdue (visible to me). */
  async counts(user: SessionUser): Promise<{ mine: number; groups: number; overdue: number }> {
    const [mine, groups, overdue] = await Promise.all([
      UserTaskModel.countDocuments({ status: 'open', assignee: user.username }),
      UserTaskModel.countDocuments({ status: 'open', assignee: null, candidateGroups: { $in: groupsOf(user) } }),
      UserTaskModel.countDocuments({ ...visibleTaskFilter(user), status: 'open', dueDate: { $ne: null, $lt: new Date() } }),
    ]);
    return { mine, groups, overdue };
  }

  async get(user: SessionUser, id: string): Promise<UserTaskDto> {
    const task = await UserTaskModel.findOne({ _id: id, ...visibleTaskFilter(user) }).lean();
    if (!task) throw new NotFoundError(`No user task ${id} in your inbox`);
    return toUserTaskDto(task);
  }

  async form(user: SessionUser, id: string, language: Language): Promise<UserTaskForm> {
    return this.forms.read(user, await this.get(user, id), language);
  }

  async claim(user: SessionUser, id: string): Promise<UserTaskDto> {
    const task = await this.open(user, id);
    userTaskRights.claim(user, task);
    await this.runtime.claimTask(id, user.username);
    return this.assigned(user, task, user.username, 'userTask.claimed');
  }

  async unclaim(user: SessionUser, id: string): Promise<UserTaskDto> {
    const task = await this.open(user, id);
    if (!task.assignee) return task;
    userTaskRights.reassign(user, task);
    await this.runtime.unclaimTask(id);
    return this.assigned(user, task, null, 'userTask.unclaimed');
  }

  /** Hands the task to a colleague who is a candidate for it (member of one of its candidate groups). */
  async delegate(user: SessionUser, id: string, to: string): Promise<UserTaskDto> {
    const task = await this.open(user, id);
    userTaskRights.reassign(user, task);
    const target = await activeUser(to);
    if (!target) throw new BadInputError(`No active user ${to}`, { fields: [{ field: 'to', message: 'unknown user' }] });
    if (!isCandidate(target, task)) throw new BadInputError(`${to} is not a candidate for user task ${id}`, { fields: [{ field: 'to', message: 'not a candidate' }] });
    await this.runtime.setTaskAssignee(id, target.username);
    return this.assigned(user, task, target.username, 'userTask.delegated');
  }

  /** Adds a condition every completion must meet (checked after the form, before the runtime). */
  addCompletionGuard(guard: CompletionGuard): void {
    this.guards.push(guard);
  }

  /** Completes the task as the caller, claiming it first when it is still a group task. */
  async complete(user: SessionUser, id: string, variables: Record<string, unknown>, language: Language = 'fr'): Promise<void> {
    const task = await this.open(user, id);
    userTaskRights.complete(user, task);
    // The task's form is the contract: only the fields it declares reach the runtime.
    const { accepted, fields } = await this.forms.check(user, task, variables, language);
    for (const guard of this.guards) await guard(user, task, accepted, language);
    const typed = toVariables(accepted);
    const names = task.names ?? (task.name ? { ar: task.name, fr: task.name, en: task.name } : null);
    if (!task.assignee) await this.runtime.claimTask(id, user.username);
    await this.runtime.completeTask(id, typed);
    await UserTaskModel.updateOne({ _id: id, status: 'open' }, { $set: { assignee: task.assignee ?? user.username } });
    // a substitute completing a task of the person they replace does it by delegation of that person
    const onBehalfOf = await delegatorOf(user.username, id);
    await record({
      actor: user.username,
      action: 'userTask.completed',
      mailId: mailIdOf(task),
      details: { userTaskId: id, taskDefinitionKey: task.taskDefinitionKey, processInstanceId: task.processInstanceId, names, fields, ...(onBehalfOf ? { onBehalfOf } : {}) },
    });
  }

  /** The same action on many tasks; each succeeds or fails on its own. */
  async bulk(user: SessionUser, action: 'claim' | 'assign', ids: string[], to?: string): Promise<BulkResult[]> {
    if (action === 'assign' && !to) throw new BadInputError('Bulk assign needs `to`', { fields: [{ field: 'to', message: 'required' }] });
    const results: BulkResult[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        if (action === 'claim') await this.claim(user, id);
        else await this.delegate(user, id, to!);
        results.push({ id, ok: true });
      } catch (err) {
        if (!(err instanceof DiwanError)) throw err;
        results.push({ id, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    return results;
  }

  private async open(user: SessionUser, id: string): Promise<UserTaskDto> {
    const task = await this.get(user, id);
    if (task.status !== 'open') throw new ConflictError(`User task ${id} is already ${task.status}`);
    return task;
  }

  /** The runtime has changed the assignee: mirror it now (the bridge event confirms it later), and audit. */
  private async assigned(user: SessionUser, task: UserTaskDto, assignee: string | null, action: AuditAction): Promise<UserTaskDto> {
    const doc = await UserTaskModel.findOneAndUpdate({ _id: task.id, status: 'open' }, { $set: { assignee } }, { returnDocument: 'after', lean: true });
    await record({ actor: user.username, action, mailId: mailIdOf(task), details: { userTaskId: task.id, taskDefinitionKey: task.taskDefinitionKey, from: task.assignee, to: assignee } });
    return doc ? toUserTaskDto(doc) : { ...task, assignee };
  }
}
