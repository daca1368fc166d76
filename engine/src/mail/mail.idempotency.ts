import { randomUUID } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { ConflictError, InProgressError } from '../shared/errors.js';

/**
 * An `Idempotency-Key` of a registration: the body it came with, the id the mail will have, and,
 * once a retry has found that mail, the mail it made (the registration itself does not write it).
 * A claim is a lease: a request that crashed holds it only until `leaseUntil`, after which a retry
 * takes it over and registers under the same mail id, so a retry after a crash either finds the
 * mail or registers it exactly once.
 */
interface IdempotencyRecord {
  _id: string;
  bodyHash: string;
  /** The id the registration gives its mail (chosen at the claim, kept on takeover). */
  plannedMailId: string;
  mailId: string | null;
  /** Which request holds the claim (a retried write may meet its own first success). */
  owner: string;
  leaseUntil: Date;
  createdAt: Date;
}

const idempotencySchema = new Schema<IdempotencyRecord>(
  {
    _id: String,
    bodyHash: { type: String, required: true },
    plannedMailId: { type: String, required: true },
    mailId: { type: String, default: null },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
const IdempotencyModel = model<IdempotencyRecord>('MailIdempotency', idempotencySchema, 'mailIdempotency');

export type IdempotencyClaim = { state: 'new'; mailId: string } | { state: 'replay'; mailId: string };

export interface ClaimOptions {
  /** How long a claim holds without completing (a registration takes well under it). */
  leaseMs?: number;
  /** How long a retry waits for a claim held by a live request. */
  waitMs?: number;
  /** Whether a mail with this id exists (the crash came after the insert). */
  mailExists: (mailId: string) => Promise<boolean>;
}

/**
 * Claims a key for a body, for a mail id. Same key and same body: the mail already made (waiting
 * while the first request is still at work, taking over its lease if it died). Other body: 409.
 */
export async function claimIdempotencyKey(scope: string, key: string, bodyHash: string, mailId: string, options: ClaimOptions): Promise<IdempotencyClaim> {
  const _id = `${scope}:${key}`;
  const owner = randomUUID();
  const leaseMs = options.leaseMs ?? 30_000;
  const lease = () => new Date(Date.now() + leaseMs);
  try {
    await IdempotencyModel.create({ _id, bodyHash, plannedMailId: mailId, mailId: null, owner, leaseUntil: lease(), createdAt: new Date() });
    return { state: 'new', mailId };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const mine = await IdempotencyModel.findById(_id).lean();
    if (mine?.owner === owner) return { state: 'new', mailId };
  }
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  for (;;) {
    const existing = await IdempotencyModel.findById(_id).lean();
    if (!existing) return claimIdempotencyKey(scope, key, bodyHash, mailId, options); // the first attempt failed and let go
    if (existing.bodyHash !== bodyHash) throw new ConflictError(`Idempotency-Key ${key} was already used with a different request`);
    if (existing.mailId) return { state: 'replay', mailId: existing.mailId };
    if (await options.mailExists(existing.plannedMailId)) {
      await completeIdempotencyKey(scope, key, existing.plannedMailId);
      return { state: 'replay', mailId: existing.plannedMailId };
    }
    if (existing.leaseUntil.getTime() <= Date.now()) {
      const taken = await IdempotencyModel.findOneAndUpdate({ _id, owner: existing.owner, mailId: null }, { $set: { owner, leaseUntil: lease() } }, { returnDocument: 'after', lean: true });
      if (taken?.owner === owner) return { state: 'new', mailId: taken.plannedMailId };
      continue; // another retry took it first
    }
    if (Date.now() > deadline) throw new InProgressError(`A request with Idempotency-Key ${key} is still being processed`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function completeIdempotencyKey(scope: string, key: string, mailId: string): Promise<void> {
  await IdempotencyModel.updateOne({ _id: `${scope}:${key}` }, { $set: { mailId } });
}

/** Lets go of a key whose request failed, so that the client may retry with it. */
export async function releaseIdempotencyKey(scope: string, key: string): Promise<void> {
  await IdempotencyModel.deleteOne({ _id: `${scope}:${key}`, mailId: null });
}
