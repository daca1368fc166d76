/** Helpers for the complaints scenarios: the citizen's public calls and the staff's task steps. */
import { expect } from '@jest/globals';
import type { MailTrackingDto, UserTaskDto } from '@diwan/contracts';
import { api, stack, waitFor } from '../harness/stack.js';
import type { FileSpec } from './mail.fixtures.js';

/** What the tracking page must never show: step ids, usernames, people's names, notes. */
export const INTERNAL_WORDS = [
  'complaint_received',
  'issue_receipt',
  'admissibility_review',
  'forward_complaint',
  'department_response',
  'await_citizen_information',
  'answer_citizen',
  'archive_complaint',
  'citizen-complaint',
  'registrar',
  'cabinet',
  'supervisor',
  'Karim',
  'Leila',
  'Amina',
  'كريم',
];

export async function track(code: string, language = 'fr'): Promise<MailTrackingDto> {
  const res = await api<MailTrackingDto>('GET', `/api/public/track/${code}`, { headers: { 'accept-language': language } });
  expect([res.status, res.status === 200 ? '' : JSON.stringify(res.body)]).toEqual([200, '']);
  return res.body;
}

/** The tracking answer holds none of the internal words, nor these (notes, subject). */
export function expectPlain(dto: MailTrackingDto, secrets: string[]): void {
  const text = JSON.stringify(dto);
  for (const word of [...INTERNAL_WORDS, ...secrets]) expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
}

/** POST /api/public/track/:code/answers as the tracking page sends it. */
export async function answerAsCitizen(code: string, text: string, files: FileSpec[] = [], key?: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('text', text);
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.data)], { type: f.type ?? '' }), f.name);
  const res = await fetch(`${stack.engineUrl}/api/public/track/${code}/answers`, { method: 'POST', headers: key ? { 'idempotency-key': key } : {}, body: form });
  const body = await res.text();
  return { status: res.status, body: body ? JSON.parse(body) : undefined };
}

/** POST /api/mails/:id/answer-document (one file). */
export async function attachAnswer(token: string, mailId: string, file: FileSpec): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? '' }), file.name);
  const res = await fetch(`${stack.engineUrl}/api/mails/${mailId}/answer-document`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await res.text();
  return { status: res.status, body: body ? JSON.parse(body) : undefined };
}

export const openTask = (token: string, mailId: string, key: string, timeoutMs = 30_000) =>
  waitFor(
    `${key} of ${mailId}`,
    async () => {
      const res = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token });
      return res.body.find((t) => t.taskDefinitionKey === key && t.status === 'open');
    },
    timeoutMs,
  );

export async function complete(token: string, taskId: string, variables: Record<string, unknown>): Promise<void> {
  const res = await api('POST', `/api/user-tasks/${taskId}/complete`, { token, body: { variables } });
  expect([res.status, res.body?.error?.message ?? '']).toEqual([204, '']);
}
