/** Helpers for the notification scenarios: the internal route, the local SMPP and SMTP servers' files. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { NotificationDto, NotificationRequestInput } from '@diwan/contracts';
import { api, stack, waitFor } from '../harness/stack.js';

export const smppDir = () => {
  const dir = process.env.DIWAN_TEST_SMPP_DIR;
  if (!dir) throw new Error('DIWAN_TEST_SMPP_DIR is not set: the global setup starts the local SMPP server');
  return dir;
};

/** What the local SMPP server keeps of one submit_sm. */
export interface KeptSms {
  messageId: string;
  destination: string;
  source: string;
  dataCoding: number;
  text: string;
}

/** Every SMS the local SMPP server kept for this number. */
export function smsTo(phone: string): KeptSms[] {
  const wanted = phone.replace(/^\+/, '').replace(/\s+/g, '');
  return readdirSync(smppDir())
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(path.join(smppDir(), n), 'utf8')) as KeptSms)
    .filter((sms) => sms.destination === wanted);
}

/** Every e-mail the local SMTP server kept for this address. */
export async function emailsTo(address: string): Promise<ParsedMail[]> {
  const dir = process.env.DIWAN_TEST_SMTP_DIR!;
  const found: ParsedMail[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.eml'))) {
    const raw = readFileSync(path.join(dir, name));
    if (!raw.includes(address)) continue;
    const parsed = await simpleParser(raw);
    const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '';
    if (to.includes(address)) found.push(parsed);
  }
  return found;
}

/** Asks for a notification as the workers do (internal route, worker token). */
export async function requestNotification(request: NotificationRequestInput) {
  return api<NotificationDto>('POST', '/api/internal/notifications', { token: stack.workerToken, body: request });
}

/** Waits until the admin list shows the notification in one of these states. */
export async function notificationReaches(adminToken: string, id: string, statuses: string[], timeoutMs = 20_000): Promise<NotificationDto> {
  return waitFor(
    `notification ${id} to be ${statuses.join('/')}`,
    async () => {
      const res = await api<{ items: NotificationDto[] }>('GET', `/api/notifications?pageSize=200`, { token: adminToken });
      const found = res.body.items.find((n) => n.id === id);
      return found && statuses.includes(found.status) ? found : null;
    },
    timeoutMs,
  );
}

/** A phone number no other test uses. */
export const aPhone = () => `+2165${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

/** A sentence without its Unicode isolates (each value is wrapped in U+2068 … U+2069 on screens and in e-mail). */
export const plain = (text: string | undefined | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');
