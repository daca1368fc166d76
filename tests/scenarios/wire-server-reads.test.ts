import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { startScratchWireServer } from '../harness/wire-server.js';

/**
 * mongo-java-server updates a stored document in place, and a read's reply holds the stored
 * documents themselves, encoded after the command returned: a find that met an update failed in
 * the encoder (ConcurrentModificationException; the driver saw a dropped connection) or could
 * answer half of an update. The local wire server now answers reads with a copy taken while no
 * write runs. Here readers and writers hammer the same documents, with the driver's read retries
 * off so that a failed reply shows: every reply must be whole.
 */
const WRITERS = 6;
const READERS = 6;
const ROUNDS = 500;
/** Many fields between the ones an update sets, so that encoding a reply, or an update in place, takes a while. */
const PAYLOAD = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, `value ${i}`]));

describe.each([
  ['an H2 file', 'file'],
  ['memory', 'memory'],
] as const)('reads during writes on the wire server on %s', (_label, storage) => {
  let wire: Awaited<ReturnType<typeof startScratchWireServer>> | undefined;
  let client: MongoClient;
  const docs = () => client.db('reads').collection<{ _id: number; a: number; b: number; c: number[]; extra?: number }>('docs');

  beforeAll(async () => {
    wire = await startScratchWireServer(storage, 'reads');
    client = await new MongoClient(wire.url, { retryReads: false, maxPoolSize: WRITERS + READERS }).connect();
    await docs().insertMany(Array.from({ length: 4 }, (_, i) => ({ _id: i, a: 0, ...PAYLOAD, b: 0, c: [0] })));
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await wire?.stop();
  }, 60_000);

  it('answers every find with a whole document, never half of an update', async () => {
    let writing = true;
    const failures: string[] = [];
    let torn = 0;
    let reads = 0;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = 1; n <= ROUNDS; n++) {
        const value = w * ROUNDS + n;
        // one update sets the three fields together (and adds or removes a field): a reader must
        // see all of it or none
        const extra = n % 2 ? { $set: { a: value, b: value, c: [value, value], extra: value } } : { $set: { a: value, b: value, c: [value, value] }, $unset: { extra: 1 as const } };
        await docs().updateOne({ _id: n % 2 }, extra);
      }
    });
    const readers = Array.from({ length: READERS }, async () => {
      while (writing) {
        try {
          for (const d of await docs().find({}).toArray()) {
            reads += 1;
            if (d.a !== d.b || d.c.length !== 2 - Number(d.a === 0) || d.c.some((x) => x !== d.a) || (d.extra !== undefined && d.extra !== d.a)) torn += 1;
          }
        } catch (err) {
          failures.push((err as Error).message);
        }
      }
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(readers);

    expect(failures).toEqual([]);
    expect(torn).toBe(0);
    expect(reads).toBeGreaterThan(1_000);
  }, 120_000);
});
