import type { SessionUser } from '@diwan/contracts';
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
