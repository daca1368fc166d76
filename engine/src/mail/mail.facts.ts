import type { SessionUser } from '@diwan/contracts';
import { mailTypeLabel } from '../mail-types/mail-type.service.js';
import { DIRECTION_LABELS, PRIORITY_LABELS } from '../shared/labels.js';
import { formatDate, pick, type Language } from '../shared/language.js';
import { MailModel } from './mail.model.js';
import { maySeeMail } from './mail.visibility.js';

/** What a task form may show of its mail, read at the time it is shown and as the viewer may see it. */
export interface MailFacts {
  chronoNumber: string;
  /** Empty when the viewer may not read the mail (confidential or secret). */
  subject: string;
  typeLabel: string;
  priorityLabel: string;
  dueDateText: string;
  receivedAtText: string;
  correspondentName: string;
  directionLabel: string;
}

export async function mailFacts(user: SessionUser, mailId: string, language: Language): Promise<MailFacts | null> {
  if (!/^[0-9a-f]{24}$/i.test(mailId)) return null;
  const mail = await MailModel.findById(mailId).lean();
  if (!mail || mail.status === 'void') return null;
  const readable = await maySeeMail(user, mail);
  return {
    chronoNumber: mail.chronoNumber,
    subject: readable ? mail.subject : '',
    typeLabel: pick(await mailTypeLabel(mail.mailType), language),
    priorityLabel: pick(PRIORITY_LABELS[mail.priority], language),
    dueDateText: formatDate(mail.dueDate, language),
    receivedAtText: formatDate(mail.receivedAt, language),
    correspondentName: readable ? (mail.correspondent?.name ?? '') : '',
    directionLabel: pick(DIRECTION_LABELS[mail.direction], language),
  };
}
