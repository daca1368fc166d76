import type { QueryFilter } from 'mongoose';
import { activeUsersOf } from '../users/user.service.js';
import { UserTaskModel, type UserTask } from './user-task.model.js';

/**
 * The mails (business keys) with at least one open task of a department and/or of a person, by
 * the dashboard's rule for open work (engine/src/dashboard/dashboard.marker.ts): a task belongs to
 * the departments it is offered to (candidate groups), or, offered to none, to its assignee's;
 * it belongs to its assignee. Both given: one task must be of both. The register lists these
 * when a dashboard count is clicked.
 */
export async function mailIdsWithOpenTasks(scope: { department?: string | undefined; assignee?: string | undefined }): Promise<string[]> {
  const filter: QueryFilter<UserTask> = { status: 'open', businessKey: { $ne: null } };
  if (scope.assignee) filter.assignee = scope.assignee;
  if (scope.department) {
    const members = (await activeUsersOf([scope.department])).map((user) => user.username);
    filter.$or = [{ candidateGroups: scope.department }, { candidateGroups: { $size: 0 }, assignee: { $in: members } }];
  }
  const tasks = await UserTaskModel.find(filter, { businessKey: 1, _id: 0 }).lean();
  return [...new Set(tasks.map((task) => task.businessKey).filter((key): key is string => typeof key === 'string'))];
}
