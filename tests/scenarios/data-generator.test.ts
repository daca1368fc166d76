import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { generate, type GenerateFigures } from '../../scripts/generate/run.mjs';
import { hashEntry, GENESIS_HASH } from '../../engine/dist/audit/audit.chain.js';
import { toSessionUser } from '../../engine/dist/auth/user.model.js';
import { dashboardFigures } from '../../engine/dist/dashboard/dashboard.figures.js';
import { dayOf } from '../../engine/dist/dashboard/dashboard.time.js';
import { withChronoNumber } from '../../engine/dist/mail/mail.number.js';
import { dashboardQuerySchema } from '@diwan/contracts';
import { stack } from '../harness/stack.js';

// `npm run generate` writes straight into a database. Here it writes into a database of its own on
// the test stack's MongoDB server (the administration copied from the engine's), so that no other
// test meets its mails; the checks use the engine's own code on that database.
const root = path.resolve(import.meta.dirname, '../..');
const MAILS = 3_000;
const TIME_ZONE = 'Africa/Tunis';

describe('the data generator', () => {
  let uri: string;
  let figures: GenerateFigures;
  let db: mongoose.mongo.Db;
  let client: mongoose.mongo.MongoClient;

  beforeAll(async () => {
    // given an administration (departments, users, mail types) as the engine seeded it
    uri = stack.mongoUri.replace(/\/([^/?]*)(\?|$)/, `/diwan_generated_${process.pid}$2`);
    client = await mongoose.mongo.MongoClient.connect(stack.mongoUri);
    const source = client.db();
    db = client.db(new URL(uri).pathname.slice(1));
    for (const name of ['departments', 'users', 'mailTypes', 'correspondents']) {
      const docs = await source.collection(name).find({}).toArray();
      if (docs.length) await db.collection(name).insertMany(docs);
    }
    // when it generates a few thousand mails, and the dashboard is rebuilt from them
    figures = await generate({ root, uri, mails: MAILS, openTasks: 300, completedTasks: 900, log: () => undefined });
    await mongoose.connect(uri);
  }, 300_000);

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
    await mongoose.disconnect();
  });

  it('numbers every register without a gap, and moves the counters past them', async () => {
    // then each register's numbers for a year run 1..n, and its counter says n
    const counters = await db.collection<{ _id: string; value: number }>('counters').find({}).toArray();
    expect(counters.length).toBeGreaterThanOrEqual(3);
    let total = 0;
    for (const counter of counters) {
      const [, register, year] = counter._id.split(':');
      const sequences = (await db.collection('mails').find({ register, year: Number(year) }, { projection: { sequence: 1 } }).toArray()).map((m) => m['sequence'] as number).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: counter.value }, (_, i) => i + 1));
      total += sequences.length;
    }
    expect(total).toBe(MAILS);
    expect(figures.mails).toBe(MAILS);
  });

  it('leaves the engine numbering the next mail after them', async () => {
    // when the engine takes the next number of this year's incoming register
    const year = new Date().getUTCFullYear();
    const before = (await db.collection<{ _id: string; value: number }>('counters').findOne({ _id: `mail:A:${year}` }))!.value;
    const taken = await withChronoNumber('incoming', year, 'registrar', async (sequence: number, chronoNumber: string) => ({ sequence, chronoNumber }));
    // then it is the one after the generated ones
    expect(taken.sequence).toBe(before + 1);
    expect(taken.chronoNumber).toBe(`${year}/A/${String(before + 1).padStart(6, '0')}`);
  });

  it('continues the audit chain with each mail’s registration', async () => {
    const entries = await db.collection('auditLog').find({}).sort({ seq: 1 }).toArray();
    let prevHash = GENESIS_HASH;
    entries.forEach((entry, i) => {
      expect(entry['seq']).toBe(i + 1);
      expect(entry['prevHash']).toBe(prevHash);
      expect(hashEntry(entry as never)).toBe(entry['hash']);
      prevHash = entry['hash'] as string;
    });
    const registered = new Set(entries.filter((e) => e['action'] === 'mail.registered').map((e) => e['mailId']));
    const mailIds = (await db.collection('mails').find({}, { projection: { _id: 1 } }).toArray()).map((m) => String(m._id));
    expect(mailIds.every((id) => registered.has(id))).toBe(true);
  });

  it('gives the dashboard the numbers the mails and tasks hold', async () => {
    // when a supervisor looks at this month
    const supervisor = toSessionUser((await db.collection('users').findOne({ username: 'supervisor' })) as never);
    const dto = await dashboardFigures(dashboardQuerySchema.parse({ period: 'month' }), supervisor, 'fr', { timeZone: TIME_ZONE });

    // then the open mails are those with an open task, and the month's mails those received in it
    const openTasks = await db.collection('userTasks').find({ status: 'open' }, { projection: { businessKey: 1 } }).toArray();
    expect(openTasks.length).toBe(figures.openTasks);
    expect(dto.open.total).toBe(new Set(openTasks.map((t) => t['businessKey'])).size);
    const month = dayOf(new Date(), TIME_ZONE).slice(0, 7);
    const received = (await db.collection('mails').find({}, { projection: { receivedAt: 1 } }).toArray()).filter((m) => dayOf(m['receivedAt'] as Date, TIME_ZONE).startsWith(month));
    expect(received.length).toBeGreaterThan(0);
    expect(dto.received.month.total).toBe(received.length);
    // and the steps' durations come from the completed tasks
    expect(dto.durations.bySteps.length).toBeGreaterThan(0);
  });
});
