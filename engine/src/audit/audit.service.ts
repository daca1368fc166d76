import type { AuditAction, AuditVerifyDto, MissingAuditEntryDto } from '@diwan/contracts';
import type { AuditAnchors } from './audit.anchor.js';
import { AuditEntryModel, type AuditEntry } from './audit.model.js';
import { GENESIS_HASH, hashEntry } from './audit.chain.js';
import { GroupCommit } from '../shared/group-commit.js';

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
/**
 * Appends from this process are group-committed (shared/group-commit.ts): the entries asked for
 * while a batch is being written are chained and written together next, in one command, so that
 * under load one write and one durable commit of the database cover several entries, where each
 * used to wait for the one before. Another engine node appending the same seq makes the unique
 * index answer 11000: the head is read again and the entries not written are appended one by one.
 */
const appends = new GroupCommit<AuditInput, AuditEntry>((inputs) => appendAll(inputs));

/** Appends an entry to the audit log, after every entry asked for before it. */
export function record(input: AuditInput): Promise<AuditEntry> {
  return appends.add(input);
}

/** Forgets the cached head (tests that switch databases, or after tampering). */
export function resetAuditHead(): void {
  head = null;
}

/** The entry that follows `after`. Its details are plain JSON only: what is hashed must be exactly what MongoDB gives back. */
function entryAfter(after: Head, input: AuditInput): AuditEntry {
  const details = JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>;
  const draft = { seq: after.seq + 1, at: input.at ?? new Date(), actor: input.actor, action: input.action, mailId: input.mailId ?? null, details, prevHash: after.hash };
  return { ...draft, hash: hashEntry(draft) };
}

function moveHead(entry: AuditEntry): void {
  head = { seq: entry.seq, hash: entry.hash };
  anchors?.moved(entry.seq, entry.hash);
}

async function appendAll(inputs: AuditInput[]): Promise<AuditEntry[]> {
  if (inputs.length === 1) return [await append(inputs[0]!)];
  head ??= await readHead();
  const entries: AuditEntry[] = [];
  for (const input of inputs) entries.push(entryAfter(entries.at(-1) ?? head, input));
  try {
    await AuditEntryModel.collection.insertMany(entries.map((e) => ({ ...e })), { ordered: true });
    moveHead(entries.at(-1)!);
    return entries;
  } catch {
    // Written up to some entry (ordered): those are found by their hash, the others appended anew.
    head = null;
    const written: AuditEntry[] = [];
    for (const [i, entry] of entries.entries()) {
      const there = await AuditEntryModel.findOne({ seq: entry.seq }, { hash: 1 }).lean();
      written.push(there?.hash === entry.hash ? entry : await append(inputs[i]!));
    }
    return written;
  }
}

async function append(input: AuditInput): Promise<AuditEntry> {
  const at = input.at ?? new Date();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    head ??= await readHead();
    const entry = entryAfter(head, { ...input, at });
    try {
      await AuditEntryModel.collection.insertOne({ ...entry });
      moveHead(entry);
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
