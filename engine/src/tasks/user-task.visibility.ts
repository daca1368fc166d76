import type { SessionUser, UserTaskDto } from '@diwan/contracts';
import type { QueryFilter } from 'mongoose';
import type { UserTask } from './user-task.model.js';

/** Supervisors and admins see every task; others see theirs and their departments'. */
export const seesAllTasks = (user: SessionUser) => user.roles.includes('supervisor') || user.roles.includes('admin');

export function visibleTaskFilter(user: SessionUser): QueryFilter<UserTask> {
  if (seesAllTasks(user)) return {};
  return {
    $or: [
      { assignee: user.username },
      { candidateUsers: user.username },
      { candidateGroups: { $in: user.departments } },
    ],
  };
}

/** May this user work on (claim, complete) the task? Seeing is not enough when it is someone else's. */
export function mayWorkOn(user: SessionUser, task: Pick<UserTaskDto, 'assignee' | 'candidateUsers' | 'candidateGroups'>) {
  if (task.assignee) return task.assignee === user.username;
  return task.candidateUsers.includes(user.username) || task.candidateGroups.some((g) => user.departments.includes(g));
}
