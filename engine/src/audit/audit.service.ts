import type { AuditAction, AuditVerifyDto, MissingAuditEntryDto } from '@diwan/contracts';
import type { AuditAnchors } from './audit.anchor.js';
import { AuditEntryModel, type AuditEntry } from './audit.model.js';
import { GENESIS_HASH, hashEntry } from './audit.chain.js';

export interface AuditInput {
  actor: string;
  action: AuditAction;
  mailId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

type Head = { seq: number; hash: string };

let head: Head | null = null;
let anchors: AuditAnchors | null = null;

/** Anchors every new head outside the database (set once at start). */
export function anchorAuditWith(keeper: AuditAnchors | null): void {
  anchors = keeper;
}
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
      anchors?.moved(entry.seq, entry.hash);
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

/**
 * Verifies the log: recomputes the chain from the first entry (every hash, every link, no
 * missing seq), checks it against the keyed anchors kept outside the database (so a chain
 * rewritten and recomputed in the database is caught), and checks completeness: every mail has
 * the entries its life must have left (`completeness` lists what is missing).
 */
export async function verifyAuditLog(completeness: () => Promise<MissingAuditEntryDto[]>): Promise<AuditVerifyDto> {
  await anchors?.flush();
  const { anchors: lines, forged } = anchors ? await anchors.read() : { anchors: [], forged: 0 };
  const anchored = new Map(lines.map((l) => [l.seq, l.hash]));
  const lastAnchor = lines.reduce<number | null>((max, l) => (max === null || l.seq > max ? l.seq : max), null);
  const anchorSummary = { count: lines.length, lastSeq: lastAnchor, forged };
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const cursor = AuditEntryModel.find({}).sort({ seq: 1 }).lean().cursor();
  for await (const entry of cursor) {
    entries += 1;
    const linked = entry.seq === expectedSeq && entry.prevHash === prevHash && hashEntry(entry) === entry.hash;
    const vouched = !anchored.has(entry.seq) || anchored.get(entry.seq) === entry.hash;
    if (!linked || !vouched) {
      await cursor.close();
      return { ok: false, entries, brokenAt: entry.seq, reason: linked ? 'anchor' : 'chain', anchors: anchorSummary, missing: [] };
    }
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  if (lastAnchor !== null && lastAnchor >= expectedSeq) return { ok: false, entries, brokenAt: expectedSeq, reason: 'truncated', anchors: anchorSummary, missing: [] };
  if (forged) return { ok: false, entries, reason: 'forged-anchor', anchors: anchorSummary, missing: [] };
  const missing = await completeness();
  if (missing.length) return { ok: false, entries, reason: 'incomplete', anchors: anchorSummary, missing: missing.slice(0, 100) };
  return { ok: true, entries, anchors: anchorSummary, missing: [] };
}

/** The mail ids that have an entry of `action`. */
export async function mailIdsWithAction(action: string): Promise<Set<string>> {
  return new Set((await AuditEntryModel.distinct('mailId', { action })).filter((id): id is string => typeof id === 'string'));
}

/** The entries of one mail, oldest first (its timeline). */
export function entriesOfMail(mailId: string): Promise<AuditEntry[]> {
  return AuditEntryModel.find({ mailId }).sort({ seq: 1 }).lean();
}
