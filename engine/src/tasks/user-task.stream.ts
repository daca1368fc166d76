import { UserTaskModel, type UserTask } from './user-task.model.js';

/** When a finished task ended (by id), for read models that measure durations. */
export async function userTaskEndedAt(id: string): Promise<Date | null> {
  return (await UserTaskModel.findById(id, { endedAt: 1 }).lean())?.endedAt ?? null;
}

/** Every user task of the read model, streamed with a cursor (a rebuild of read models reads them once). */
export async function* streamUserTasks(batchSize = 2_000): AsyncGenerator<UserTask> {
  for await (const task of UserTaskModel.find({}).lean<UserTask[]>().cursor({ batchSize })) yield task as UserTask;
}
