import { z } from 'zod';
import type { SessionUser, UserTaskDto } from '@diwan/contracts';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { toVariables } from '../runtime/runtime.variables.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../shared/errors.js';
import { UserTaskModel, toUserTaskDto } from './user-task.model.js';
import { mayWorkOn, visibleTaskFilter } from './user-task.visibility.js';

export const userTaskQuerySchema = z.object({
  assignee: z.enum(['me', 'unassigned', 'any']).default('any'),
  candidateGroup: z.string().min(1).optional(),
  businessKey: z.string().min(1).optional(),
  processInstanceId: z.string().min(1).optional(),
});
export type UserTaskQuery = Partial<z.infer<typeof userTaskQuerySchema>>;

export const completeUserTaskSchema = z.object({
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), z.unknown()).default({}),
});

/** Inbox queries and user-task actions; every action is checked against the caller's rights first. */
export class UserTaskService {
  constructor(private readonly runtime: RuntimeClient) {}

  async listVisible(user: SessionUser, query: UserTaskQuery): Promise<UserTaskDto[]> {
    const filter: Record<string, unknown> = { ...visibleTaskFilter(user), status: 'open' };
    if (query.assignee === 'me') filter.assignee = user.username;
    if (query.assignee === 'unassigned') filter.assignee = null;
    if (query.candidateGroup) filter.candidateGroups = query.candidateGroup;
    if (query.businessKey) filter.businessKey = query.businessKey;
    if (query.processInstanceId) filter.processInstanceId = query.processInstanceId;
    const tasks = await UserTaskModel.find(filter).sort({ createdAt: 1 }).limit(500).lean();
    return tasks.map(toUserTaskDto);
  }

  async get(user: SessionUser, id: string): Promise<UserTaskDto> {
    const task = await UserTaskModel.findOne({ _id: id, ...visibleTaskFilter(user) }).lean();
    if (!task) throw new NotFoundError(`No user task ${id} in your inbox`);
    return toUserTaskDto(task);
  }

  /** Completes the task as the caller, claiming it first when it is still a group task. */
  async complete(user: SessionUser, id: string, variables: Record<string, unknown>): Promise<void> {
    const task = await this.get(user, id);
    if (task.status !== 'open') throw new ConflictError(`User task ${id} is already ${task.status}`);
    if (!mayWorkOn(user, task)) {
      throw new NotAllowedError(task.assignee ? `User task ${id} is assigned to ${task.assignee}` : `You are not a candidate for user task ${id}`);
    }
    const typed = toVariables(variables);
    if (!task.assignee) await this.runtime.claimTask(id, user.username);
    await this.runtime.completeTask(id, typed);
  }
}
