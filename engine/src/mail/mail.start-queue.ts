import { Schema, model } from 'mongoose';

/**
 * The circuit-start outbox's queue: one small document per mail whose circuit is waiting to
 * start, keyed by the mail's id, deleted once the circuit started or gave up. The outbox polls
 * this collection, never the mails (the local wire server builds no secondary index, so a poll
 * of `mails` by state was a full scan every second, which held every other query of a large
 * register behind it). The mail's `circuitStart` stays the truth (state, lease, attempts): an
 * entry is written BEFORE the mail is inserted or put back to pending, so no pending mail lacks
 * one; an entry whose mail never came (its registration failed) is dropped after a grace period.
 */
interface StartQueueEntry {
  _id: string;
  nextAttemptAt: Date;
  enqueuedAt: Date;
}

const startQueueSchema = new Schema<StartQueueEntry>(
  { _id: { type: String, required: true }, nextAttemptAt: { type: Date, required: true }, enqueuedAt: { type: Date, required: true } },
  { versionKey: false },
);
const StartQueueModel = model<StartQueueEntry>('CircuitStartQueue', startQueueSchema, 'circuitStartQueue');

/** How long an entry may wait for its mail to be inserted (a registration in flight). */
export const ORPHAN_GRACE_MS = 120_000;

export async function enqueueCircuitStart(mailId: string, at: Date): Promise<void> {
  await StartQueueModel.updateOne({ _id: mailId }, { $set: { nextAttemptAt: at }, $setOnInsert: { enqueuedAt: new Date() } }, { upsert: true });
}

/** Queues a pending mail found without its entry (a mail registered before the queue existed), keeping any entry there is. */
export async function ensureCircuitStartQueued(mailId: string, at: Date): Promise<void> {
  await StartQueueModel.updateOne({ _id: mailId }, { $setOnInsert: { nextAttemptAt: at, enqueuedAt: new Date() } }, { upsert: true });
}

export async function dueCircuitStarts(now: Date, limit: number): Promise<StartQueueEntry[]> {
  return StartQueueModel.find({ nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1 }).limit(limit).lean<StartQueueEntry[]>();
}

export async function dequeueCircuitStart(mailId: string): Promise<void> {
  await StartQueueModel.deleteOne({ _id: mailId });
}
