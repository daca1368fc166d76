import type { SessionUser, UserTaskDto } from '@diwan/contracts';
import { NotAllowedError } from '../shared/errors.js';

/** The candidate group of supervisors (circuits escalate to it): every user with the supervisor role is in it. */
export const SUPERVISION_GROUP = 'supervision';

type TaskRef = Pick<UserTaskDto, 'id' | 'assignee' | 'candidateUsers' | 'candidateGroups'>;

/** The candidate groups a user belongs to: their departments, plus supervision for supervisors. */
export function groupsOf(user: Pick<SessionUser, 'departments' | 'roles'>): string[] {
  return user.roles.includes('supervisor') ? [...user.departments, SUPERVISION_GROUP] : [...user.departments];
}

export const isCandidate = (user: Pick<SessionUser, 'username' | 'departments' | 'roles'>, task: TaskRef) =>
  task.candidateUsers.includes(user.username) || task.candidateGroups.some((g) => groupsOf(user).includes(g));

const isSupervisor = (user: SessionUser) => user.roles.includes('supervisor') || user.roles.includes('admin');
const headsTheTask = (user: SessionUser, task: TaskRef) => user.roles.includes('head') && task.candidateGroups.some((g) => user.departments.includes(g));

/**
 * Who may do what to a user task, in one place:
 * - claim: a candidate, while nobody holds it;
 * - complete: the assignee, or a candidate while nobody holds it (the engine claims it first);
 * - unclaim and delegate: the assignee, the head of one of its candidate groups, or a supervisor.
 */
export const userTaskRights = {
  claim(user: SessionUser, task: TaskRef): void {
    if (task.assignee) throw new NotAllowedError(`User task ${task.id} is already assigned to ${task.assignee}`);
    if (!isCandidate(user, task)) throw new NotAllowedError(`You are not a candidate for user task ${task.id}`);
  },
  complete(user: SessionUser, task: TaskRef): void {
    if (task.assignee && task.assignee !== user.username) throw new NotAllowedError(`User task ${task.id} is assigned to ${task.assignee}`);
    if (!task.assignee && !isCandidate(user, task)) throw new NotAllowedError(`You are not a candidate for user task ${task.id}`);
  },
  reassign(user: SessionUser, task: TaskRef): void {
    if (task.assignee === user.username || headsTheTask(user, task) || isSupervisor(user)) return;
    throw new NotAllowedError(`Only the assignee, the head of its department or a supervisor may reassign user task ${task.id}`);
  },
};
