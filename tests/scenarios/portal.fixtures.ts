/** Helpers for the portal tests: requests from a chosen loopback address, proof of work, codes read from the local SMTP server. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { PortalChallengeDto, PortalDepositInput } from '@diwan/contracts';
import { stack, waitFor } from '../harness/stack.js';

export interface Answer<T = any> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: T;
  raw: Buffer;
}

let nextHost = 2 + Math.floor(Math.random() * 200);
/** A fresh loopback address (127.0.0.x): each test its own client, so rate limits don't leak between tests. */
export const freshAddress = () => `127.0.${Math.floor(Math.random() * 250) + 1}.${(nextHost = (nextHost % 250) + 1)}`;

/** A request from `from` (a loopback address) to the engine. */
export function request<T = any>(from: string, method: string, urlPath: string, body?: { json?: unknown; form?: FormData }): Promise<Answer<T>> {
  return (async () => {
    let payload: Buffer | null = null;
    const headers: Record<string, string> = {};
    if (body?.json !== undefined) {
      payload = Buffer.from(JSON.stringify(body.json));
      headers['content-type'] = 'application/json';
    } else if (body?.form) {
      const r = new Response(body.form);
      payload = Buffer.from(await r.arrayBuffer());
      headers['content-type'] = r.headers.get('content-type')!;
    }
    const url = new URL(stack.engineUrl + urlPath);
    return new Promise<Answer<T>>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, headers, localAddress: from }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const isJson = String(res.headers['content-type'] ?? '').includes('json');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: isJson && raw.length ? JSON.parse(raw.toString()) : (undefined as T), raw });
        });
      });
      req.on('error', reject);
      if (payload) req.end(payload);
      else req.end();
    });
  })();
}

/** A nonce such that sha256(challenge:nonce) starts with `bits` zero bits. */
export function solve(challenge: string, bits: number): string {
  const zeroBits = (d: Buffer) => {
    for (let i = 0; i < bits; i += 1) if ((d[i >> 3]! >> (7 - (i & 7))) & 1) return false;
    return true;
  };
  for (let n = 0; ; n += 1) if (zeroBits(createHash('sha256').update(`${challenge}:${n.toString(36)}`).digest())) return n.toString(36);
}

export async function proofOfWork(from: string): Promise<{ challenge: string; nonce: string }> {
  const { body } = await request<PortalChallengeDto>(from, 'GET', '/api/public/deposits/challenge');
  return { challenge: body.challenge, nonce: solve(body.challenge, body.bits) };
}

export function someDeposit(overrides: Partial<PortalDepositInput> = {}, identity: Partial<PortalDepositInput['identity']> = {}): Omit<PortalDepositInput, 'challenge' | 'nonce'> {
  const unique = Math.random().toString(36).slice(2, 10);
  return {
    identity: { kind: 'citizen', nationalId: `0${Math.floor(Math.random() * 1e7)}`, name: 'أمينة بن علي', phone: `+2162${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, email: `citizen-${unique}@example.tn`, ...identity },
    subject: 'طلب رخصة بناء',
    text: 'أرجو التفضل بالنظر في مطلبي المتعلق برخصة البناء.',
    department: 'urbanism',
    mailType: 'administrative-request',
    language: 'ar',
    channel: 'email',
    ...overrides,
  };
}

/** POSTs a deposit (with a solved proof of work unless `pow` is given) and its files. */
export async function deposit(from: string, input: ReturnType<typeof someDeposit>, files: { name: string; type: string; data: Buffer }[] = [], pow?: Partial<{ challenge: string; nonce: string }>): Promise<Answer> {
  const proof = pow ?? (await proofOfWork(from));
  const form = new FormData();
  form.append('deposit', JSON.stringify({ ...input, ...proof }));
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  return request(from, 'POST', '/api/public/deposits', { form });
}

const smtpDir = () => process.env.DIWAN_TEST_SMTP_DIR ?? '';

/** The e-mails the local SMTP server received for `to`, parsed. */
export async function mailsTo(to: string) {
  const dir = smtpDir();
  const out = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.eml'))) {
    const raw = readFileSync(path.join(dir, name));
    if (!raw.includes(Buffer.from(to))) continue;
    out.push({ file: path.join(dir, name), raw, parsed: await simpleParser(raw) });
  }
  return out;
}

/** Waits for the confirmation code e-mailed to `to` (the `n`th one, from 1). */
export async function codeSentTo(to: string, n = 1): Promise<string> {
  return waitFor(`confirmation code #${n} for ${to}`, async () => {
    const codes = (await mailsTo(to)).map((m) => /\b(\d{6})\b/.exec(m.parsed.text ?? '')?.[1]).filter(Boolean) as string[];
    return codes.length >= n ? codes[n - 1] : null;
  }, 90_000); // (the notification outbox delivers behind the whole run's mail on a loaded machine)
}

/** The SMS the local SMPP server received for `phone` (destination without the +), oldest first. */
export function smsTo(phone: string): { text: string; file: string }[] {
  const dir = process.env.DIWAN_TEST_SMPP_DIR ?? '';
  const digits = phone.replace(/\D/g, '');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => ({ file: path.join(dir, n), record: JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as { destination: string; text: string } }))
    .filter((m) => m.record.destination.replace(/\D/g, '') === digits)
    .map((m) => ({ text: m.record.text, file: m.file }));
}
