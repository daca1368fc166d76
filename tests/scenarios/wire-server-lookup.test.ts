import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { startScratchWireServer } from '../harness/wire-server.js';

/**
 * The local wire server narrows a query through a unique index when the query names the index's
 * keys among others (`{_id: x, status: 'open'}`, our conditional updates). mongo-java-server alone
 * read the whole collection for those, under the write lock: at 967,000 mails every request queued
 * behind such scans for seconds.
 *
 * How a test sees that only the named document is read, without timing anything: one other
 * document holds `zero: 0`, and the queries carry `$expr: 1 / $zero > 0` as their first condition
 * (the matcher stops at a document's first failing condition). Evaluated on that document, the
 * expression fails ("can't $divide by zero"); a query that reads only its own document answers.
 * Each storage (H2 file, as `npm start` runs it, and memory) is tried. Aggregations, so
 * `countDocuments`, still read every document: the engine counts only by fields that no unique
 * index holds, which this server scans anyway.
 */
const DOCUMENTS = 20_000;
const POISON = 8; // an open one: conditions on status do not spare it
const readsOnlyItsDocument = { $expr: { $gt: [{ $divide: [1, '$zero'] }, 0] } };

describe.each([
  ['an H2 file', 'file'],
  ['memory', 'memory'],
] as const)('the wire server on %s', (_label, storage) => {
  let wire: Awaited<ReturnType<typeof startScratchWireServer>> | undefined;
  let connection: mongoose.Connection;
  const letters = () => connection.collection<{ _id: number; ref: string; status: string; zero: number; n?: number }>('letters');

  beforeAll(async () => {
    wire = await startScratchWireServer(storage, 'lookup');
    connection = await mongoose.createConnection(wire.url).asPromise();
    await letters().createIndex({ ref: 1 }, { unique: true });
    const docs = Array.from({ length: DOCUMENTS }, (_, i) => ({
      _id: i,
      ref: `R-${i}`,
      status: i % 2 === 0 ? 'open' : 'closed',
      zero: i === POISON ? 0 : 1,
    }));
    for (let i = 0; i < docs.length; i += 5_000) await letters().insertMany(docs.slice(i, i + 5_000));
  }, 120_000);

  afterAll(async () => {
    await connection?.close();
    await wire?.stop();
  }, 60_000);

  it('reads the whole collection for a query without a unique key (the check can fail)', async () => {
    // given a query that names no unique index's keys
    // when it is run, then the poisoned document is evaluated, and the server says so
    await expect(letters().find({ ...readsOnlyItsDocument, status: 'open' }).toArray()).rejects.toThrow(/divide by zero/);
  });

  it('updates a document by _id and a condition, reading that document only', async () => {
    // given an open letter, when it is closed on condition that it is open
    const closed = await letters().findOneAndUpdate(
      { ...readsOnlyItsDocument, _id: 4, status: 'open' },
      { $set: { status: 'closed' } },
      { returnDocument: 'after' },
    );
    // then it is closed, and no other document was evaluated
    expect(closed).toMatchObject({ _id: 4, status: 'closed' });
    // and the same condition no longer matches: nothing changes
    const again = await letters().findOneAndUpdate({ ...readsOnlyItsDocument, _id: 4, status: 'open' }, { $set: { status: 'reopened' } });
    expect(again).toBeNull();
    expect(await letters().findOne({ _id: 4 })).toMatchObject({ status: 'closed' });
  });

  it('keeps the meaning of every part of the query', async () => {
    // given queries that name _id with other conditions ($or, $nor, $in, a second index's key)
    const ids = async (filter: Record<string, unknown>) =>
      (await letters().find({ ...readsOnlyItsDocument, ...filter }).sort({ _id: 1 }).toArray()).map((d) => d._id);
    // then each gives what MongoDB gives
    expect(await ids({ _id: 10, status: 'closed' })).toEqual([]);
    expect(await ids({ _id: 10, $or: [{ status: 'open' }, { status: 'lost' }] })).toEqual([10]);
    expect(await ids({ _id: 11, $nor: [{ status: 'open' }] })).toEqual([11]);
    expect(await ids({ _id: { $in: [20, 21, 22] }, status: 'open' })).toEqual([20, 22]);
    expect(await ids({ ref: 'R-30', status: 'open' })).toEqual([30]);
    expect(await ids({ ref: 'R-30', _id: 31 })).toEqual([]);
  });

  it('updates, upserts and deletes through the same narrowing', async () => {
    // given an update and a delete by _id and a condition
    const updated = await letters().updateOne({ ...readsOnlyItsDocument, _id: 50, status: 'open' }, { $inc: { n: 1 } });
    expect(updated.modifiedCount).toBe(1);
    const missed = await letters().updateOne({ ...readsOnlyItsDocument, _id: 51, status: 'open' }, { $inc: { n: 1 } });
    expect(missed.matchedCount).toBe(0);
    // an upsert whose condition fails on an existing _id collides, as on MongoDB
    await expect(
      letters().updateOne({ ...readsOnlyItsDocument, _id: 51, status: 'open' }, { $set: { n: 2 } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000 });
    // an upsert of a new _id inserts it
    await letters().updateOne({ _id: DOCUMENTS + 1, status: 'open' }, { $set: { ref: 'R-new', zero: 1 } }, { upsert: true });
    expect(await letters().findOne({ _id: DOCUMENTS + 1, ref: 'R-new' })).toMatchObject({ status: 'open' });
    const deleted = await letters().deleteOne({ ...readsOnlyItsDocument, _id: 52, status: 'open' });
    expect(deleted.deletedCount).toBe(1);
    expect(await letters().countDocuments()).toBe(DOCUMENTS);
  });
});
