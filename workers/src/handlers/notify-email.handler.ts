import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { mailIdOf } from './mail-of-task.js';
import { explicitRecipient, languageOf, mailValues, notificationKey, templateOf } from './notify.request.js';

/**
 * `notify.email`: an e-mail from a template (`notificationTemplate`) to the mail's correspondent, or to
 * `notifyTo`, in their language. The engine's outbox sends it; the dedupe key comes from the step,
 * so a retried worker sends nothing twice. No e-mail address: nothing to send, the circuit goes on.
 */
export function notifyEmailHandler(deps: { engine: EngineApi; publicUrl: string }): TopicHandler {
  return async (task: ExternalTask) => {
    const template = templateOf(task);
    const mailId = mailIdOf(task);
    if (!mailId) return { notified: false };
    const mail = await deps.engine.mail(mailId);
    const explicit = explicitRecipient(task);
    const email = explicit ?? mail.correspondent?.email ?? null;
    if (!email) return { notified: false };
    const notification = await deps.engine.requestNotification({
      channel: 'email',
      to: { email },
      template,
      language: languageOf(task, mail),
      data: mailValues(mail, deps.publicUrl, explicit === null),
      dedupeKey: notificationKey(task, 'email'),
      mailId,
    });
    return { notified: true, notificationId: notification.id };
  };
}
