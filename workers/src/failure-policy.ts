import type { ExternalTask, TaskHandler } from 'camunda-external-task-client-js';
import { Variables } from 'camunda-external-task-client-js';
import type { Logger } from 'pino';
import { BusinessError, TransientError } from './worker.errors.js';

/** What a topic handler does: the work, idempotently; the variables it returns complete the task. */
export type TopicHandler = (task: ExternalTask) => Promise<Record<string, unknown> | void>;

export const MAX_RETRIES = 5;

/** Back-off before the next try: 2 s, 8 s, 32 s, then capped at 2 minutes. */
export function retryTimeoutMs(attempt: number): number {
  return Math.min(2_000 * 4 ** attempt, 120_000);
}

/** Retries left after this failure: the runtime sends null on the first try. */
export function retriesLeft(task: Pick<ExternalTask, 'retries'>): number {
  return Math.max((task.retries ?? MAX_RETRIES) - 1, 0);
}

/**
 * The one failure policy: a business outcome → handleBpmnError; a transient
 * error → handleFailure with decreasing retries and growing back-off (an
 * incident when none are left); anything else is a bug → an incident now.
 */
export function withFailurePolicy(topic: string, handler: TopicHandler, logger: Logger): TaskHandler {
  return async ({ task, taskService }) => {
    const log = logger.child({ topic, externalTaskId: task.id, businessKey: task.businessKey });
    try {
      const variables = (await handler(task)) ?? {};
      await taskService.complete(task, new Variables().setAll(variables));
      log.info('external task completed');
    } catch (err) {
      if (err instanceof BusinessError) {
        log.info({ errorCode: err.errorCode }, 'business outcome');
        await taskService.handleBpmnError(task, err.errorCode, err.message, new Variables().setAll(err.variables));
      } else if (err instanceof TransientError) {
        const retries = retriesLeft(task);
        const attempt = MAX_RETRIES - 1 - retries;
        const retryTimeout = retryTimeoutMs(attempt);
        log.warn({ err: err.message, retries, retryTimeout }, 'transient failure');
        await taskService.handleFailure(task, { errorMessage: err.message, errorDetails: err.stack ?? '', retries, retryTimeout });
      } else {
        const error = err instanceof Error ? err : new Error(String(err));
        log.error({ err: error }, 'bug in handler: raising an incident');
        await taskService.handleFailure(task, { errorMessage: error.message, errorDetails: error.stack ?? '', retries: 0, retryTimeout: 0 });
      }
    }
  };
}
