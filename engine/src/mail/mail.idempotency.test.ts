import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose, { Types } from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { claimIdempotencyKey, completeIdempotencyKey } from './mail.idempotency.js';

describe('idempotency keys are leases', () => {
  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('idem') });
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });
  const created = new Set<string>();
  const options = { leaseMs: 300, waitMs: 2_000, mailExists: async (id: string) => created.has(id) };

  it('lets a retry take over the lease of a request that crashed, under the same mail id, exactly once', async () => {
    // given a request that claimed its key and crashed before writing its mail
    const key = uniqueKey('k');
    const first = await claimIdempotencyKey('registrar', key, 'body', String(new Types.ObjectId()), options);
    expect(first.state).toBe('new');

    // when two retries come after the lease ran out
    await new Promise((r) => setTimeout(r, 400));
    const retry = { ...options, leaseMs: 10_000, waitMs: 1_000 };
    const [a, b] = await Promise.all([
      claimIdempotencyKey('registrar', key, 'body', String(new Types.ObjectId()), retry).catch((e: Error) => e),
      claimIdempotencyKey('registrar', key, 'body', String(new Types.ObjectId()), retry).catch((e: Error) => e),
    ]);

    // then exactly one registers, under the id the first request chose; the other waits and is told it is in progress
    const results = [a, b].filter((r): r is { state: 'new' | 'replay'; mailId: string } => !(r instanceof Error));
    expect(results.filter((r) => r.state === 'new')).toEqual([{ state: 'new', mailId: first.mailId }]);
    expect([a, b].filter((r) => r instanceof Error)).toEqual([expect.objectContaining({ status: 409, code: 'in_progress', message: expect.stringMatching(/still being processed/) })]);
  });

  it('answers the mail when the crash came after the mail was written', async () => {
    const key = uniqueKey('k');
    const first = await claimIdempotencyKey('registrar', key, 'body', String(new Types.ObjectId()), options);
    created.add(first.mailId); // the mail was written, the key never completed
    expect(await claimIdempotencyKey('registrar', key, 'body', String(new Types.ObjectId()), options)).toEqual({ state: 'replay', mailId: first.mailId });
  });

  it('replays a completed key and refuses it for another body', async () => {
    const key = uniqueKey('k');
    const first = await claimIdempotencyKey('registrar', key, 'body', String(new Types.ObjectId()), options);
    await completeIdempotencyKey('registrar', key, first.mailId);
    expect(await claimIdempotencyKey('registrar', key, 'body', String(new Types.ObjectId()), options)).toEqual({ state: 'replay', mailId: first.mailId });
    await expect(claimIdempotencyKey('registrar', key, 'other', String(new Types.ObjectId()), options)).rejects.toThrow(/different request/);
  });
});
