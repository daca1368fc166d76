import { randomUUID } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { ConflictError } from '../shared/errors.js';

/** An `Idempotency-Key` of a registration: the body it came with and, once done, the mail it made. */
interface IdempotencyRecord {
  _id: string;
  bodyHash: string;
  mailId: string | null;
  /** Which request made the claim (a retried write may meet its own first success). */
  owner: string;
  createdAt: Date;
}

const idempotencySchema = new Schema<IdempotencyRecord>(
  { _id: String, bodyHash: { type: String, required: true }, mailId: { type: String, default: null }, owner: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false },
);
const IdempotencyModel = model<IdempotencyRecord>('MailIdempotency', idempotencySchema, 'mailIdempotency');

export type IdempotencyClaim = { state: 'new' } | { state: 'replay'; mailId: string };

/**
 * Claims a key for a body. Same key and same body: the mail already made (waiting
 * a little if the first request is still at work). Same key, other body: 409.
 */
export async function claimIdempotencyKey(scope: string, key: string, bodyHash: string): Promise<IdempotencyClaim> {
  const _id = `${scope}:${key}`;
  const owner = randomUUID();
  try {
    await IdempotencyModel.create({ _id, bodyHash, mailId: null, owner, createdAt: new Date() });
    return { state: 'new' };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    if ((await IdempotencyModel.findById(_id).lean())?.owner === owner) return { state: 'new' };
  }
  for (let waited = 0; waited <= 15_000; waited += 200) {
    const existing = await IdempotencyModel.findById(_id).lean();
    if (!existing) return claimIdempotencyKey(scope, key, bodyHash); // the first attempt failed and let go
    if (existing.bodyHash !== bodyHash) throw new ConflictError(`Idempotency-Key ${key} was already used with a different request`);
    if (existing.mailId) return { state: 'replay', mailId: existing.mailId };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new ConflictError(`A request with Idempotency-Key ${key} is still being processed`);
}

export async function completeIdempotencyKey(scope: string, key: string, mailId: string): Promise<void> {
  await IdempotencyModel.updateOne({ _id: `${scope}:${key}` }, { $set: { mailId } });
}

/** Lets go of a key whose request failed, so that the client may retry with it. */
export async function releaseIdempotencyKey(scope: string, key: string): Promise<void> {
  await IdempotencyModel.deleteOne({ _id: `${scope}:${key}`, mailId: null });
}
