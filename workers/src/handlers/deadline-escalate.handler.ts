import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { mailIdOf } from './mail-of-task.js';

/**
 * `deadline.escalate`: the due date passed. Records the escalation on the mail's audit trail;
 * the circuit then gives the supervisors a `handle_overdue` task. Notifying them by SMS or
 * e-mail is a later issue: nothing is sent here.
 */
export function deadlineEscalateHandler(deps: { engine: EngineApi }): TopicHandler {
  return async (task: ExternalTask) => {
    const mailId = mailIdOf(task);
    if (!mailId) return { escalated: false };
    await deps.engine.recordCircuitEvent({
      mailId,
      processInstanceId: task.processInstanceId,
      action: 'deadline.escalated',
      details: { dueDate: task.variables.get('dueDate') ?? null },
    });
    return { escalated: true };
  };
}
