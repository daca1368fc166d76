import type { ExternalTask } from 'camunda-external-task-client-js';
import { NOTIFICATION_LANGUAGES, NOTIFICATION_TEMPLATES, type MailDto, type NotificationTemplate } from '@diwan/contracts';

/**
 * The dedupe key of a notification step: the instance, the step, the multi-instance round
 * (`loopCounter`) and the step's own `notifyKey` (for a step that runs again in a loop). Never the
 * external task's id: a retried or re-created task must find the notification already there.
 */
export function notificationKey(task: ExternalTask, channel: string): string {
  const round = task.variables.get('loopCounter');
  const key = task.variables.get('notifyKey');
  return [task.processInstanceId, task.activityId, channel, typeof round === 'number' ? round : 0, typeof key === 'string' || typeof key === 'number' ? key : ''].join(':');
}

/** The step's template (input parameter `notificationTemplate`); a wrong one is a modelling bug. */
export function templateOf(task: ExternalTask): NotificationTemplate {
  const template = task.variables.get('notificationTemplate');
  if (!NOTIFICATION_TEMPLATES.includes(template as NotificationTemplate)) {
    throw new Error(`notificationTemplate must be one of ${NOTIFICATION_TEMPLATES.join(', ')}; got ${JSON.stringify(template)}`);
  }
  return template as NotificationTemplate;
}

/** The recipient's language: the step's `notifyLanguage`, else the mail's. */
export function languageOf(task: ExternalTask, mail: MailDto): 'ar' | 'fr' | 'en' {
  const wanted = task.variables.get('notifyLanguage');
  return NOTIFICATION_LANGUAGES.includes(wanted as 'ar') ? (wanted as 'ar' | 'fr' | 'en') : mail.language;
}

/** The step's explicit recipient (`notifyTo`: a phone number or an e-mail address), else null: the correspondent. */
export function explicitRecipient(task: ExternalTask): string | null {
  const to = task.variables.get('notifyTo');
  return typeof to === 'string' && to.trim() ? to.trim() : null;
}

/** What the templates may say about the mail: never its subject when it is confidential. */
export function mailValues(mail: MailDto, publicUrl: string, toCorrespondent: boolean): Record<string, string | null> {
  return {
    chronoNumber: mail.chronoNumber,
    trackingCode: mail.trackingCode ?? null,
    trackingUrl: mail.trackingCode ? `${publicUrl.replace(/\/+$/, '')}/track/${encodeURIComponent(mail.trackingCode)}` : null,
    subject: toCorrespondent && mail.confidentiality === 'normal' ? mail.subject.slice(0, 200) : null,
    dueDate: mail.dueDate,
  };
}
