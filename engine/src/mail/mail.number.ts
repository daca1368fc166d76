import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { REGISTER_OF_DIRECTION, type MailDirection } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import { nextCounterValue } from '../shared/counter.model.js';
import { MailModel } from './mail.model.js';

/** `2026/A/000123`. */
export function formatChronoNumber(year: number, register: string, sequence: number): string {
  return `${year}/${register}/${String(sequence).padStart(6, '0')}`;
}

export const counterName = (register: string, year: number) => `mail:${register}:${year}`;

const DIRECTION_OF_REGISTER = Object.fromEntries(Object.entries(REGISTER_OF_DIRECTION).map(([d, r]) => [r, d])) as Record<string, MailDirection>;

/**
 * 16 characters of Crockford base32: 10 random bytes (80 bits), read out in groups of four
 * (`formatTrackingCode`). Stored without dashes; the public routes accept either form.
 */
export function newTrackingCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 15; i >= 0; i -= 1) code += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** `ABCD-EFGH-JKMN-PQRS` for people; older 10-character codes are shown as they are. */
export function formatTrackingCode(code: string): string {
  return code.length === 16 ? code.match(/.{4}/g)!.join('-') : code;
}

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/**
 * Takes the next number of a register and hands it to `insert`. Gapless without
 * transactions: if `insert` fails, the number is recorded as a void entry with
 * the reason. If the number is already taken by a void entry (the reconciler
 * got there first), a fresh number is taken.
 */
export async function withChronoNumber<T>(direction: MailDirection, year: number, actor: string, insert: (sequence: number, chronoNumber: string) => Promise<T>): Promise<T> {
  const register = REGISTER_OF_DIRECTION[direction];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const sequence = await nextCounterValue(counterName(register, year));
    const chronoNumber = formatChronoNumber(year, register, sequence);
    try {
      return await insert(sequence, chronoNumber);
    } catch (err) {
      if (isDuplicateKey(err) && (await MailModel.exists({ register, year, sequence }))) continue;
      await recordVoid(register, year, sequence, `Registration failed after the number was taken: ${(err as Error).message}`, actor).catch(() => undefined);
      throw err;
    }
  }
  throw new Error(`Could not take a free number in register ${register}/${year}`);
}

/** Writes the void entry of a number (idempotent: a number already present is left alone). */
export async function recordVoid(register: string, year: number, sequence: number, voidReason: string, actor: string): Promise<boolean> {
  const chronoNumber = formatChronoNumber(year, register, sequence);
  const now = new Date();
  try {
    const created = await MailModel.create({
      chronoNumber,
      register,
      year,
      sequence,
      direction: DIRECTION_OF_REGISTER[register] ?? 'internal',
      subject: '—',
      receivedAt: now,
      status: 'void',
      voidReason,
      registeredBy: actor,
      registeredAt: now,
      trackingCode: newTrackingCode(),
    });
    await record({ actor, action: 'mail.voided', mailId: String(created._id), details: { chronoNumber, voidReason } });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Above this many unchecked numbers a register is read in one pass, else number by number (unique index). */
const SCAN_ABOVE = 2_000;

type Db = NonNullable<typeof mongoose.connection.db>;
const database = (): Db => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('The database is not connected');
  return db;
};

/** The chrono-number counters (`mail:<register>:<year>`). Filtered here, not with $regex on _id: mongo-java-server does not serve that. */
export async function registerCounters(): Promise<{ register: string; year: number; value: number; id: string }[]> {
  const counters = (await database().collection<{ _id: string; value: number }>('counters').find({}).toArray()).filter((c) => /^mail:[A-Z]+:\d{4}$/.test(c._id));
  return counters.map((c) => {
    const [, register, year] = c._id.split(':') as [string, string, string];
    return { register, year: Number(year), value: c.value, id: c._id };
  });
}

/** How far a periodic check has gone in a register (`checked:<what>:<counter>`, kept beside the counters); null before the first. */
export async function checkedUpTo(what: 'numbers' | 'circuits', counterId: string): Promise<number | null> {
  const doc = await database().collection<{ _id: string; value: number }>('counters').findOne({ _id: `checked:${what}:${counterId}` });
  return doc?.value ?? null;
}

export async function markCheckedUpTo(what: 'numbers' | 'circuits', counterId: string, value: number): Promise<void> {
  await database().collection<{ _id: string; value: number }>('counters').updateOne({ _id: `checked:${what}:${counterId}` }, { $max: { value } }, { upsert: true });
}

/** The numbers in (from, upTo] that have no entry in the register. */
async function missingNumbers(register: string, year: number, from: number, upTo: number): Promise<number[]> {
  const missing: number[] = [];
  if (upTo - from > SCAN_ABOVE) {
    const present = new Set((await MailModel.find({ register, year }, { sequence: 1, _id: 0 }).lean()).map((m) => m.sequence));
    for (let s = from + 1; s <= upTo; s += 1) if (!present.has(s)) missing.push(s);
    return missing;
  }
  for (let s = from + 1; s <= upTo; s += 1) if (!(await MailModel.exists({ register, year, sequence: s }))) missing.push(s);
  return missing;
}

/**
 * Finds numbers that a counter issued but that have no entry (the engine stopped between taking a
 * number and writing the mail) and records them as void. A number must be missing twice, `graceMs`
 * apart, so that a registration in flight on another node is not voided under its feet. A `full`
 * pass reads every register whole; otherwise only the numbers issued since the last pass are
 * looked up, each by the register's unique index (a register of a million mails is not read every
 * few minutes).
 */
export async function reconcileRegisters(options: { graceMs?: number; actor?: string; full?: boolean } = {}): Promise<string[]> {
  const { graceMs = 10_000, actor = 'system', full = true } = options;
  const suspects: { register: string; year: number; id: string; upTo: number; from: number; missing: number[] }[] = [];
  for (const counter of await registerCounters()) {
    const from = full ? 0 : Math.min(counter.value, (await checkedUpTo('numbers', counter.id)) ?? 0);
    const missing = await missingNumbers(counter.register, counter.year, from, counter.value);
    if (missing.length) suspects.push({ ...counter, upTo: counter.value, from, missing });
    else await markCheckedUpTo('numbers', counter.id, counter.value);
  }
  if (suspects.length === 0) return [];
  if (graceMs > 0) await new Promise((r) => setTimeout(r, graceMs));
  const voided: string[] = [];
  for (const s of suspects) {
    const stillMissing = new Set(await missingNumbers(s.register, s.year, s.from, s.upTo));
    for (const sequence of s.missing.filter((n) => stillMissing.has(n))) {
      const reason = 'Number issued but no mail was written (the engine stopped during registration); found by the reconciler';
      if (await recordVoid(s.register, s.year, sequence, reason, actor)) voided.push(formatChronoNumber(s.year, s.register, sequence));
    }
    await markCheckedUpTo('numbers', s.id, s.upTo);
  }
  return voided;
}
