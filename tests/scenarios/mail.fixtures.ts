/** Helpers for the mail scenarios: real tiny files, multipart registration, direct database reads. */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { MailDto, RegisterMailInput } from '@diwan/contracts';
import { api, stack, waitFor } from '../harness/stack.js';

/** A real, tiny one-page PDF. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A real 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** A Windows executable's first bytes. */
export const FAKE_EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(256, 0)]);

export function aMail(overrides: Partial<RegisterMailInput> = {}): RegisterMailInput {
  return {
    direction: 'incoming',
    subject: `Demande de permis de bâtir ${randomUUID().slice(0, 8)}`,
    language: 'fr',
    channel: 'counter',
    correspondent: { kind: 'citizen', name: 'Sami Jebali · سامي الجبالي' },
    letterReference: `REF-${randomUUID().slice(0, 6)}`,
    departments: { forAction: ['urbanism'], forInformation: [] },
    ...overrides,
  };
}

export interface FileSpec {
  name: string;
  data: Buffer;
  type?: string;
}

export interface RegisterResponse<T = MailDto> {
  status: number;
  body: T;
  headers: Headers;
}

/** POST /api/mails as multipart, the way the designer sends it. */
export async function registerMail(token: string, mail: unknown, files: FileSpec[] = [], idempotencyKey?: string): Promise<RegisterResponse<any>> {
  const form = new FormData();
  form.set('mail', typeof mail === 'string' ? mail : JSON.stringify(mail));
  for (const f of files) form.append('attachments', new Blob([new Uint8Array(f.data)], { type: f.type ?? '' }), f.name);
  const res = await fetch(`${stack.engineUrl}/api/mails`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** A direct connection to the engine's database, for checks behind its back. */
export async function engineDb() {
  const client = await mongoose.mongo.MongoClient.connect(stack.mongoUri);
  return { db: client.db(), close: () => client.close() };
}

export async function counterValue(db: mongoose.mongo.Db, register: string, year = new Date().getUTCFullYear()): Promise<number> {
  const c = await db.collection<{ _id: string; value: number }>('counters').findOne({ _id: `mail:${register}:${year}` });
  return c?.value ?? 0;
}

/** Registers a mail (which starts its circuit through the outbox) and waits for the circuit's instance. */
export async function mailWithCircuit(token: string, overrides: Partial<RegisterMailInput> = {}): Promise<{ mailId: string; processInstanceId: string; chronoNumber: string }> {
  const res = await registerMail(token, aMail(overrides));
  if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
  const mailId: string = res.body.id;
  const processInstanceId = await waitFor(`the circuit of mail ${res.body.chronoNumber}`, async () => (await api<MailDto>('GET', `/api/mails/${mailId}`, { token })).body.processInstanceId, 45_000);
  return { mailId, processInstanceId, chronoNumber: res.body.chronoNumber };
}
