import type { SessionUser } from '@diwan/contracts';
import { mailTypeLabel } from '../mail-types/mail-type.service.js';
import { DIRECTION_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../shared/labels.js';
import { formatDate, formatDay, pick, type Language } from '../shared/language.js';
import { MailModel } from './mail.model.js';
import { maySeeMail } from './mail.visibility.js';

/** What a task form may show of its mail, read at the time it is shown and as the viewer may see it. */
export interface MailFacts {
  /** The mail's id, for a form's link to its page (`/mails/{{mail.id}}`). */
  id: string;
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
    id: String(mail._id),
    // A draft has no number yet: the form says "draft" in the viewer's language.
    chronoNumber: mail.chronoNumber ?? pick(STATUS_LABELS.draft, language),
    subject: readable ? mail.subject : '',
    typeLabel: pick(await mailTypeLabel(mail.mailType), language),
    priorityLabel: pick(PRIORITY_LABELS[mail.priority], language),
    dueDateText: formatDay(mail.dueDate, language),
    receivedAtText: formatDate(mail.receivedAt, language),
    correspondentName: readable ? (mail.correspondent?.name ?? '') : '',
    directionLabel: pick(DIRECTION_LABELS[mail.direction], language),
  };
}
