import type { CorrespondentDto, DraftMailInput, MailDto, RegisterMailInput } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { apiUpload } from '../../shared/api/api.upload';

/** Engine paths and calls for mails (courrier / مراسلة). */
export const mailPath = (id: string) => `/api/mails/${encodeURIComponent(id)}`;
export const mailTimelinePath = (id: string) => `/api/mails/${encodeURIComponent(id)}/timeline`;
export const mailProgressPath = (id: string) => `/api/mails/${encodeURIComponent(id)}/progress`;
export const attachmentPath = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

export type { MailProgressDto } from '@diwan/contracts';

/** Drafts an outgoing letter in Diwan: it gets its number when the parapheur registers it, after signature. */
export function draftLetter(input: RegisterMailInput): Promise<MailDto> {
  const { subject, summary, language, correspondent, mailType, priority, dueDate, tags } = input;
  const body: DraftMailInput = { subject, summary, language, correspondent, mailType, priority, dueDate, tags };
  return apiFetch<MailDto>('/api/mails/drafts', { method: 'POST', body });
}

/** Registers a mail with its scans; the same key on a retry never registers it twice. */
export function registerMail(
  input: RegisterMailInput,
  files: File[],
  idempotencyKey: string,
  onProgress: (fraction: number) => void,
): Promise<MailDto> {
  const form = new FormData();
  form.append('mail', JSON.stringify(input));
  for (const file of files) form.append('attachments', file, file.name);
  return apiUpload<MailDto>({
    path: '/api/mails',
    form,
    headers: { 'Idempotency-Key': idempotencyKey },
    onProgress,
  });
}

export function searchCorrespondents(q: string, signal: AbortSignal): Promise<CorrespondentDto[]> {
  return apiFetch<CorrespondentDto[]>(`/api/correspondents?q=${encodeURIComponent(q)}`, { signal });
}

export interface DuplicateQuery {
  correspondentId?: string;
  correspondentName?: string;
  letterReference: string;
}

export function findDuplicates(query: DuplicateQuery, signal: AbortSignal): Promise<MailDto[]> {
  const params = new URLSearchParams();
  if (query.correspondentId) params.set('correspondentId', query.correspondentId);
  if (query.correspondentName) params.set('correspondentName', query.correspondentName);
  params.set('letterReference', query.letterReference);
  return apiFetch<MailDto[]>(`/api/mails/duplicates?${params.toString()}`, { signal });
}
