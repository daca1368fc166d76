import type { LetterCompareDto, LetterDto, LetterTemplateDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

const base = (mailId: string) => `/api/mails/${encodeURIComponent(mailId)}`;

export const letterPath = (mailId: string) => `${base(mailId)}/letter`;
export const documentPath = (mailId: string) => `${base(mailId)}/document`;
export const templatesPath = '/api/letter-templates';

export function saveLetter(mailId: string, body: { html: string; revision: number; signatory?: { name: string; title: string } }): Promise<LetterDto> {
  return apiFetch<LetterDto>(letterPath(mailId), { method: 'PUT', body });
}

export function applyTemplate(mailId: string, templateCode: string, revision: number): Promise<LetterDto> {
  return apiFetch<LetterDto>(`${letterPath(mailId)}/from-template`, { method: 'POST', body: { templateCode, revision } });
}

export function compareVersions(mailId: string, from: number, to: number): Promise<LetterCompareDto> {
  return apiFetch<LetterCompareDto>(`${letterPath(mailId)}/compare?from=${from}&to=${to}`);
}

export type { LetterDto, LetterTemplateDto };
