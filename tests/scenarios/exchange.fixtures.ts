/** Helpers for the exchange scenarios: a second administration's stack, and packages made by hand. */
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { ExchangeIdentityDto, ExchangeManifest } from '@diwan/contracts';

export interface Instance {
  url: string;
  adminToken: string;
  identity: ExchangeIdentityDto;
}

/** Calls an engine (any of the two stacks); answers status and parsed body. */
export async function call<T = any>(base: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: options.body === undefined ? null : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function loginAt(base: string, username: string): Promise<string> {
  const res = await call<{ token: string }>(base, 'POST', '/api/auth/login', { body: { username, password: process.env.DIWAN_DEMO_PASSWORD || 'diwan' } });
  if (res.status !== 200) throw new Error(`login ${username} at ${base}: ${res.status}`);
  return res.body.token;
}

/** A third administration that exists only in the test: its key pair signs packages by hand. */
export interface HandAdministration {
  id: string;
  name: { ar: string; fr: string };
  privateKey: KeyObject;
  publicKey: string;
}

export function handAdministration(id: string): HandAdministration {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { id, name: { ar: `إدارة ${id}`, fr: `Administration ${id}` }, privateKey, publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

export interface HandFile {
  filename: string;
  data: Buffer;
  contentType?: string;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function manifestFor(from: HandAdministration, to: string, files: HandFile[], overrides: Partial<ExchangeManifest> = {}): ExchangeManifest {
  return {
    version: 1,
    packageId: randomUUID(),
    sender: { id: from.id, name: from.name },
    recipient: { id: to },
    createdAt: new Date().toISOString(),
    signedAt: new Date().toISOString(),
    mail: { chronoNumber: `2026/D/${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, subject: `Convention de partenariat ${randomUUID().slice(0, 8)}`, summary: null, letterDate: '2026-03-02', language: 'fr', letterReference: null },
    files: files.map((f) => ({ filename: f.filename, contentType: f.contentType ?? 'application/pdf', size: f.data.length, sha256: sha256(f.data), role: 'attachment' as const })),
    ...overrides,
  };
}

export function signText(text: string, key: KeyObject): string {
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
}

/** Posts a package as an instance would: the manifest text, its signature, the files. */
export async function postPackage(base: string, manifestText: string, signature: string, files: HandFile[]): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('manifest', manifestText);
  form.set('signature', signature);
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)], { type: f.contentType ?? 'application/pdf' }), f.filename);
  const res = await fetch(`${base}/api/exchange/packages`, { method: 'POST', body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
