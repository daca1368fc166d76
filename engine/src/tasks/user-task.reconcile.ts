import { randomUUID } from 'node:crypto';
import type { RuntimeEvent } from '@diwan/contracts';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { RuntimeTask } from '../runtime/runtime.types.js';
import type { EventBus } from '../shared/event-bus.js';
import { UserTaskModel, toUserTaskDto } from './user-task.model.js';

export interface UserTaskRepairs {
  /** Open in the inbox, gone from the runtime: closed as the runtime says (completed or deleted). */
  ghosts: number;
  /** Open in the runtime, missing from the inbox: projected now. */
  missing: number;
}

const PAGE = 500;

/**
 * Brings the inbox read model back to what the runtime holds: ghost tasks are closed as the
 * runtime's history says, missing tasks are projected through the same projector the bridge
 * feeds (as a `userTask.created` event), so inboxes hear of both live.
 */
export async function reconcileUserTasks(runtime: RuntimeClient, bus: EventBus): Promise<UserTaskRepairs> {
  const inRuntime = new Map<string, RuntimeTask>();
  for (let first = 0; ; first += PAGE) {
    const page = await runtime.openTasks(first, PAGE);
    for (const task of page) inRuntime.set(task.id, task);
    if (page.length < PAGE) break;
  }
  const open = await UserTaskModel.find({ status: 'open' }, { _id: 1 }).lean();
  const repairs: UserTaskRepairs = { ghosts: 0, missing: 0 };
  for (const { _id } of open) {
    if (inRuntime.has(_id)) continue;
    const history = await runtime.historicTask(_id);
    if (history && !history.endTime) continue; // created meanwhile: not a ghost
    const status = history?.deleteReason === 'completed' ? 'completed' : 'deleted';
    const doc = await UserTaskModel.findOneAndUpdate({ _id, status: 'open' }, { $set: { status, endedAt: history?.endTime ? new Date(history.endTime) : new Date() } }, { returnDocument: 'after', lean: true });
    if (!doc) continue;
    repairs.ghosts += 1;
    await bus.emit(status === 'completed' ? 'userTask.completed' : 'userTask.deleted', toUserTaskDto(doc));
  }
  const known = new Set((await UserTaskModel.find({ _id: { $in: [...inRuntime.keys()] } }, { _id: 1 }).lean()).map((t) => t._id));
  for (const task of inRuntime.values()) {
    if (known.has(task.id)) continue;
    await bus.emit('runtimeEvent.received', await createdEventOf(runtime, task));
    repairs.missing += 1;
  }
  return repairs;
}

/** The `userTask.created` event the bridge would have sent for this task. */
async function createdEventOf(runtime: RuntimeClient, task: RuntimeTask): Promise<RuntimeEvent> {
  const [links, instance, definition] = await Promise.all([runtime.taskIdentityLinks(task.id), runtime.processInstance(task.processInstanceId), runtime.processDefinition(task.processDefinitionId)]);
  const candidates = links.filter((l) => l.type === 'candidate');
  return {
    id: `reconcile:${task.id}:${randomUUID()}`,
    type: 'userTask.created',
    occurredAt: new Date().toISOString(),
    processInstanceId: task.processInstanceId,
    processDefinitionId: task.processDefinitionId,
    processDefinitionKey: definition.key,
    businessKey: instance.businessKey,
    userTask: {
      id: task.id,
      name: task.name,
      taskDefinitionKey: task.taskDefinitionKey,
      assignee: task.assignee,
      candidateGroups: candidates.flatMap((l) => (l.groupId ? [l.groupId] : [])),
      candidateUsers: candidates.flatMap((l) => (l.userId ? [l.userId] : [])),
      dueDate: isoOrNull(task.due),
      followUpDate: isoOrNull(task.followUp),
      priority: task.priority,
      formKey: task.formKey,
      createdAt: isoOrNull(task.created) ?? new Date().toISOString(),
      deleteReason: null,
    },
  };
}

/** The runtime's dates ("2026-12-01T10:00:00.000+0000") as ISO strings. */
const isoOrNull = (date: string | null) => (date ? new Date(date.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString() : null);
