import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { startWireServer } from '../harness/wire-server.js';

/**
 * The wire server stores documents as BSON (`DocumentType`); builds before it stored them with Java
 * serialisation. `fixtures/wire-server-before-bson.mv.db` was written by such a build (68e4535): the
 * two letters below, a unique index on `chrono`, and a counter at 42. The new build reads them, keeps
 * them through updates and restarts, and writes new ones beside them.
 */
const FIXTURE = path.resolve('tests/scenarios/fixtures/wire-server-before-bson.mv.db');
const m = mongoose.mongo;
const stored = [
  {
    _id: new m.ObjectId('65a1b2c3d4e5f60718293a4b'), chrono: '2026/A/000042', subject: 'طلب رخصة بناء · Demande de permis de bâtir', count: 7, big: m.Long.fromNumber(2 ** 40), ratio: 0.25,
    registeredAt: new Date('2026-12-01T08:30:00Z'), tags: ['urbanisme', 'تعمير'], nested: { a: { b: [1, { c: null }] } }, flag: true, file: new m.Binary(Buffer.from([1, 2, 3])), amount: m.Decimal128.fromString('12.50'),
  },
  { _id: 'letter-2', chrono: '2026/A/000043', subject: 'Réclamation', count: 0, tags: [], nested: {} },
];

describe('the wire server on a file written before documents were stored as BSON', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'diwan-wire-upgrade-'));
  let server: ChildProcess | undefined;
  let connection: mongoose.Connection | undefined;
  const open = async () => {
    const started = await startWireServer(['--data', dataDir], 'upgrade');
    server = started.server;
    // longs and decimals as the driver gives them, to compare with what was stored
    connection = await mongoose.createConnection(started.url, { promoteLongs: false }).asPromise();
    return connection.db!;
  };
  const close = async (how: 'SIGTERM' | 'SIGKILL') => {
    await connection?.close(true).catch(() => undefined);
    if (server && server.exitCode === null) {
      server.kill(how);
      await once(server, 'exit');
    }
  };
  afterAll(async () => {
    await close('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('reads the old documents, updates them, adds new ones, and keeps all of them across a clean stop and a kill -9', async () => {
    // given the old file
    copyFileSync(FIXTURE, path.join(dataDir, 'diwan.mv.db'));
    let db = await open();
    const letters = () => db.collection<{ _id: unknown }>('letters');

    // then every value comes back with its type, and the unique index still holds
    expect(await letters().find().sort({ chrono: 1 }).toArray()).toEqual(stored);
    expect((await db.collection('counters').findOne({ _id: 'mail:incoming:2026' as never }))?.value).toBe(42);
    await expect(letters().insertOne({ _id: 'duplicate', chrono: '2026/A/000042' })).rejects.toMatchObject({ code: 11000 });

    // when an old one is updated and new ones are written, then the server stops cleanly
    await letters().updateOne({ _id: 'letter-2' }, { $set: { subject: 'Réclamation · شكاية' }, $push: { tags: 'urgent' } });
    await letters().insertOne({ _id: 'letter-3', chrono: '2026/A/000044', subject: 'Nouvelle', registeredAt: new Date('2026-12-03T10:00:00Z'), big: m.Long.fromNumber(2 ** 41) });
    await db.collection('counters').updateOne({ _id: 'mail:incoming:2026' as never }, { $inc: { value: 1 } });
    await close('SIGTERM');

    // then all of it is there after a restart, old and new
    db = await open();
    const afterStop = await letters().find().sort({ chrono: 1 }).toArray();
    expect(afterStop).toEqual([
      stored[0],
      { ...stored[1], subject: 'Réclamation · شكاية', tags: ['urgent'] },
      { _id: 'letter-3', chrono: '2026/A/000044', subject: 'Nouvelle', registeredAt: new Date('2026-12-03T10:00:00Z'), big: m.Long.fromNumber(2 ** 41) },
    ]);

    // and an acknowledged write survives a kill -9 (replayed from the redo log, in the new format)
    await letters().updateOne({ _id: stored[0]!._id }, { $set: { count: 8 } });
    await close('SIGKILL');
    db = await open();
    expect((await letters().findOne({ _id: stored[0]!._id }))).toEqual({ ...stored[0], count: 8 });
    expect((await db.collection('counters').findOne({ _id: 'mail:incoming:2026' as never }))?.value).toBe(43);
  }, 120_000);
});
