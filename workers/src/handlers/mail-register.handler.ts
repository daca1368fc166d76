import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { mailIdOf } from './mail-of-task.js';

/**
 * `mail.register`: the signed letter enters the outgoing register. The engine takes the next number
 * of register D gaplessly and stamps it on the letter with the administration's seal; a redelivered
 * task gets the same number back (idempotent). Completes with `chronoNumber`.
 */
export function mailRegisterHandler(deps: { engine: EngineApi }): TopicHandler {
  return async (task: ExternalTask) => {
    const mailId = mailIdOf(task);
    if (!mailId) throw new Error('mail.register needs the mailId variable');
    const mail = await deps.engine.registerOutgoing(mailId);
    return { chronoNumber: mail.chronoNumber };
  };
}
