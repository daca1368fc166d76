import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { mailIdOf } from './mail-of-task.js';

/**
 * `deadline.remind`: the reminder timer fired before the due date. Records it on the mail's
 * audit trail through the engine (the status stays). Sending SMS or e-mail to the people
 * concerned is a later issue: nothing is sent here, and nothing pretends to be.
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
    return { reminded: true };
  };
}
