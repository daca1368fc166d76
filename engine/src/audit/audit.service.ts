import type { AuditVerifyDto } from '@diwan/contracts';
import { AuditEntryModel, type AuditEntry } from './audit.model.js';
import { GENESIS_HASH, hashEntry } from './audit.chain.js';

export interface AuditInput {
  actor: string;
  action: string;
  mailId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

type Head = { seq: number; hash: string };

let head: Head | null = null;
let tail: Promise<unknown> = Promise.resolve();

/**
 * Appends an entry to the audit log. Appends from this process go one at a
 * time (a serial queue); another engine node appending the same seq makes the
 * unique index answer 11000, and we re-read the head and try again.
 */
export function record(input: AuditInput): Promise<AuditEntry> {
  const next = tail.then(() => append(input));
  tail = next.catch(() => undefined);
  return next;
}

/** Forgets the cached head (tests that switch databases, or after tampering). */
export function resetAuditHead(): void {
  head = null;
}

async function append(input: AuditInput): Promise<AuditEntry> {
  // Plain JSON only: what is hashed must be exactly what MongoDB gives back.
  const details = JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>;
  const at = input.at ?? new Date();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    head ??= await readHead();
    const draft = { seq: head.seq + 1, at, actor: input.actor, action: input.action, mailId: input.mailId ?? null, details, prevHash: head.hash };
    const entry: AuditEntry = { ...draft, hash: hashEntry(draft) };
    try {
      await AuditEntryModel.collection.insertOne({ ...entry });
      head = { seq: entry.seq, hash: entry.hash };
      return entry;
    } catch (err) {
      head = null;
      if ((err as { code?: number }).code !== 11000) throw err;
      // A retried write may meet its own first success: then it is done.
      const there = await AuditEntryModel.findOne({ seq: entry.seq }, { hash: 1 }).lean();
      if (there?.hash === entry.hash) return entry;
    }
  }
  throw new Error('Could not append to the audit log after 20 attempts');
}

async function readHead(): Promise<Head> {
  const last = await AuditEntryModel.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Recomputes the chain from the first entry: every hash, every link, no missing seq. */
export async function verifyAuditLog(): Promise<AuditVerifyDto> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const cursor = AuditEntryModel.find({}).sort({ seq: 1 }).lean().cursor();
  for await (const entry of cursor) {
    entries += 1;
    const ok = entry.seq === expectedSeq && entry.prevHash === prevHash && hashEntry(entry) === entry.hash;
    if (!ok) {
      await cursor.close();
      return { ok: false, entries, brokenAt: entry.seq };
    }
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries };
}

/** The entries of one mail, oldest first (its timeline). */
export function entriesOfMail(mailId: string): Promise<AuditEntry[]> {
  return AuditEntryModel.find({ mailId }).sort({ seq: 1 }).lean();
}
