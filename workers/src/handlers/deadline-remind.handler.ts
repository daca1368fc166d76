import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { mailIdOf } from './mail-of-task.js';

/**
 * `deadline.remind`: the reminder timer fired before the due date. Records it on the mail's
 * audit trail through the engine (the status stays), then has the engine notify the step's
 * holders (in-app) and the deadline desk (e-mail); the dedupe key is the step and its reminder
 * date, so a retried worker notifies nobody twice.
 */
export function deadlineRemindHandler(deps: { engine: EngineApi }): TopicHandler {
  return async (task: ExternalTask) => {
    const mailId = mailIdOf(task);
    if (!mailId) return { reminded: false };
    await deps.engine.recordCircuitEvent({
      mailId,
      processInstanceId: task.processInstanceId,
      action: 'deadline.reminded',
      details: { dueDate: task.variables.get('dueDate') ?? null, reminderDate: task.variables.get('reminderDate') ?? null },
    });
    const dueDate = task.variables.get('dueDate');
    await deps.engine.notifyDeadline({
      kind: 'reminder',
      processInstanceId: task.processInstanceId,
      mailId,
      dedupeKey: `${task.processInstanceId}:${task.activityId}:${String(task.variables.get('reminderDate') ?? dueDate ?? '')}`,
      dueDate: typeof dueDate === 'string' && dueDate ? dueDate : null,
    });
    return { reminded: true };
  };
}
