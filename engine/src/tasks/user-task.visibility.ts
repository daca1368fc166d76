import type { SessionUser } from '@diwan/contracts';
import type { QueryFilter } from 'mongoose';
import { UserTaskModel, type UserTask } from './user-task.model.js';

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

/** Business keys of the tasks the user has or had (assignee, candidate user, or candidate group). */
export async function businessKeysOfUserTasks(user: SessionUser): Promise<string[]> {
  const tasks = await UserTaskModel.find(
    { businessKey: { $ne: null }, $or: [{ assignee: user.username }, { candidateUsers: user.username }, { candidateGroups: { $in: user.departments } }] },
    { businessKey: 1, _id: 0 },
  ).lean();
  return [...new Set(tasks.map((t) => t.businessKey).filter((k): k is string => typeof k === 'string'))];
}
