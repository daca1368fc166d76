import type { UserTaskDto } from '@diwan/contracts';
import { MailModel, type Mail } from './mail.model.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** The mail a tracking code names (void entries have none). */
export function mailByTrackingCode(code: string): Promise<(Mail & { chronoNumber: string }) | null> {
  // A draft is not tracked: it has not left yet.
  return MailModel.findOne({ trackingCode: code, status: { $nin: ['void', 'draft'] }, chronoNumber: { $ne: null } }).lean() as Promise<(Mail & { chronoNumber: string }) | null>;
}

/** The mail an attachment belongs to. */
export function mailOfAttachment(attachmentId: string): Promise<Mail | null> {
  return OBJECT_ID.test(attachmentId) ? MailModel.findOne({ 'attachments.id': attachmentId }).lean() : Promise.resolve(null);
}

/** What an inbox shows of the mail a task is about: its chrono number, and its subject unless it is confidential or secret. */
export async function mailSummaryOf(businessKey: string | null): Promise<UserTaskDto['mail']> {
  if (!businessKey || !OBJECT_ID.test(businessKey)) return null;
  const mail = await MailModel.findById(businessKey, { chronoNumber: 1, subject: 1, confidentiality: 1 }).lean();
  if (!mail) return null;
  // A draft's rows show no number (it gets one at registration; the inbox row is made per task).
  return { chronoNumber: mail.chronoNumber ?? '', subject: mail.confidentiality === 'normal' ? mail.subject : null };
}
