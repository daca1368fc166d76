import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { mailIdOf } from './mail-of-task.js';

/**
 * `mail.archive`: closes, then archives the mail. The engine moves a status forward only and
 * answers the same mail when it is already there, so a redelivered task changes nothing.
 */
export function mailArchiveHandler(deps: { engine: EngineApi }): TopicHandler {
  return async (task: ExternalTask) => {
    const mailId = mailIdOf(task);
    if (!mailId) return { archived: false };
    const mail = await deps.engine.mail(mailId);
    if (mail.status !== 'archived') {
      if (mail.status !== 'closed') await deps.engine.moveMailStatus(mailId, 'closed');
      await deps.engine.moveMailStatus(mailId, 'archived');
    }
    return { archived: true };
  };
}
