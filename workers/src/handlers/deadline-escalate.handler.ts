import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { mailIdOf } from './mail-of-task.js';

/**
 * `deadline.escalate`: the due date passed. Records the escalation on the mail's audit trail;
 * the circuit then gives the supervisors a `handle_overdue` task. The engine notifies the late
 * step's holders and the supervisors (in-app) and the deadline desk (e-mail), once per step and
 * due date however often the worker is retried.
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
    const dueDate = task.variables.get('dueDate');
    await deps.engine.notifyDeadline({
      kind: 'escalation',
      processInstanceId: task.processInstanceId,
      mailId,
      dedupeKey: `${task.processInstanceId}:${task.activityId}:${String(dueDate ?? '')}`,
      dueDate: typeof dueDate === 'string' && dueDate ? dueDate : null,
    });
    return { escalated: true };
  };
}
