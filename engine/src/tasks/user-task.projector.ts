import type { I18nText, RuntimeEvent } from '@diwan/contracts';
import { mailSummaryOf } from '../mail/mail.lookup.js';
import { UserTaskModel, toUserTaskDto, type UserTask } from './user-task.model.js';
import type { UserTaskDto } from '@diwan/contracts';
import type { EventBus } from '../shared/event-bus.js';

/** Projections run after audit, before the realtime gateway. */
const PROJECTION = 5_000;

/** A step's names in each language, from its circuit (null when the circuit gives none or can't be read). */
export type StepNames = (processDefinitionId: string, activityId: string) => Promise<I18nText | null>;

/** The inbox read model follows the runtime's user-task events, then says what changed. */
export function projectUserTasks(bus: EventBus, stepNames: StepNames): void {
  bus.on(
    'runtimeEvent.received',
    async (event) => {
      if (!event.type.startsWith('userTask.')) return;
      const task = await projectUserTaskEvent(event, stepNames);
      if (task) await bus.emit(event.type as 'userTask.created' | 'userTask.assigned' | 'userTask.completed' | 'userTask.deleted', task);
    },
    PROJECTION,
  );
}

/**
 * Applies a runtime userTask.* event to the read model. Every update is
 * idempotent and a finished task never reopens, so a redelivered or late
 * event cannot corrupt the inbox.
 */
export async function projectUserTaskEvent(event: RuntimeEvent, stepNames: StepNames): Promise<UserTaskDto | null> {
  const task = event.userTask;
  if (!task) return null;
  const fields = {
    name: task.name,
    taskDefinitionKey: task.taskDefinitionKey,
    processInstanceId: event.processInstanceId,
    processDefinitionId: event.processDefinitionId,
    circuitKey: event.processDefinitionKey,
    businessKey: event.businessKey,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    priority: task.priority,
    dueDate: task.dueDate ? new Date(task.dueDate) : null,
    formKey: task.formKey,
    createdAt: new Date(task.createdAt),
  };
  let doc: UserTask | null;
  switch (event.type) {
    case 'userTask.created':
      doc = await UserTaskModel.findOneAndUpdate(
        { _id: task.id },
        {
          $setOnInsert: {
            ...fields,
            names: event.processDefinitionId ? await stepNames(event.processDefinitionId, task.taskDefinitionKey).catch(() => null) : null,
            mail: await mailSummaryOf(event.businessKey),
            assignee: task.assignee,
            status: 'open',
            endedAt: null,
          },
        },
        { upsert: true, returnDocument: 'after', lean: true },
      );
      break;
    case 'userTask.assigned':
      doc = await UserTaskModel.findOneAndUpdate(
        { _id: task.id, status: 'open' },
        { $set: { ...fields, assignee: task.assignee } },
        { returnDocument: 'after', lean: true },
      );
      break;
    case 'userTask.completed':
    case 'userTask.deleted': {
      const status = event.type === 'userTask.completed' ? 'completed' : 'deleted';
      doc = await UserTaskModel.findOneAndUpdate(
        { _id: task.id },
        { $set: { ...fields, assignee: task.assignee, status, endedAt: new Date(event.occurredAt) } },
        { upsert: true, returnDocument: 'after', lean: true },
      );
      break;
    }
    default:
      return null;
  }
  return doc ? toUserTaskDto(doc) : null;
}
