import type { AnswerDocumentDto, MailDto } from '@diwan/contracts';
import { apiUpload } from '../../shared/api/api.upload';

/** The answer to the citizen (staff): `GET` says the current one and whether the caller may attach; `POST` attaches one file. */
export const answerDocumentPath = (mailId: string) => `/api/mails/${encodeURIComponent(mailId)}/answer-document`;

export type { AnswerDocumentDto };

/** Attaches (or replaces) the answer to the citizen: the newest one is what the tracking page gives. */
export function uploadAnswerDocument(mailId: string, file: File, onProgress: (fraction: number) => void): Promise<MailDto> {
  const form = new FormData();
  form.set('file', file, file.name);
  return apiUpload<MailDto>({ path: answerDocumentPath(mailId), form, onProgress });
}

/**
 * Whether a mail answers to a citizen through the tracking page: an incoming mail with a tracking
 * code that came through the portal or from a citizen. Companies and administrations get their
 * answer by letter (the parapheur's reply), so the block stays out of their way.
 */
export function answersTheCitizen(mail: Pick<MailDto, 'direction' | 'channel' | 'correspondent' | 'trackingCode' | 'status'>): boolean {
  if (mail.direction !== 'incoming' || !mail.trackingCode || mail.status === 'void') return false;
  return mail.channel === 'portal' || mail.correspondent?.kind === 'citizen';
}
