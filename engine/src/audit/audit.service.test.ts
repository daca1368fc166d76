import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { AuditEntryModel } from './audit.model.js';
import { record, resetAuditHead, verifyAuditLog } from './audit.service.js';

describe('audit appends under load', () => {
  const inserts: string[] = [];

  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('audit'), monitorCommands: true });
    mongoose.connection.getClient().on('commandStarted', (e) => {
      if ((e.commandName === 'insert' && e.command.insert === 'auditLog')) inserts.push(`${e.command.documents.length}`);
    });
    resetAuditHead();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    resetAuditHead();
  });

  const entry = (n: number) => ({ actor: 'registrar', action: 'mail.registered' as const, mailId: null, details: { n } });
  const storedChain = async () => (await AuditEntryModel.find({}).sort({ seq: 1 }).lean()).map((e) => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, n: (e.details as { n?: number }).n }));

  it('chains the entries asked for together, in the order asked, and writes them in one command', async () => {
    // when 40 entries are asked for at once
    const written = await Promise.all(Array.from({ length: 40 }, (_, n) => record(entry(n))));

    // then each has the next seq, in the order asked, and the chain verifies
    expect(written.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    expect((await storedChain()).map((e) => e.n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(await verifyAuditLog(async () => [])).toMatchObject({ ok: true, entries: 40 });
    // the first one went alone; the 39 asked for while it was written went together
    expect(inserts).toEqual(['1', '39']);
  });

  it('appends after an entry another engine node wrote meanwhile: nothing is lost, every link holds', async () => {
    const before = (await storedChain()).at(-1)!;
    // another node takes the seq that this node's next batch will want
    await AuditEntryModel.collection.insertOne({ seq: before.seq + 2, at: new Date(), actor: 'other-node', action: 'mail.registered', mailId: null, details: {}, prevHash: 'h', hash: 'other' });

    // one entry alone (it takes before + 1), then four asked for while it is written
    const written = await Promise.all([100, 101, 102, 103, 104].map((n) => record(entry(n))));

    expect(written.map((e) => e.seq)).toEqual([before.seq + 1, before.seq + 3, before.seq + 4, before.seq + 5, before.seq + 6]);
    const chain = (await storedChain()).filter((e) => e.seq > before.seq);
    expect(chain.map((e) => e.n ?? 'other')).toEqual([100, 'other', 101, 102, 103, 104]);
    // each of ours links to the entry before it, the other node's included
    for (const [i, e] of chain.entries()) if (i > 1) expect(e.prevHash).toBe(chain[i - 1]!.hash);
  });
});
