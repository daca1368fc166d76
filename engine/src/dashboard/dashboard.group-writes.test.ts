import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { FEED_SIZE, feedItems, pushFeed, type StoredFeedItem } from './dashboard.feed.js';
import { forgetRecentMarkers, insertNewMarker, newMarker } from './dashboard.mail-marker.js';
import { DashboardCounterModel, DashboardMailModel, type MailDims } from './dashboard.model.js';
import { countReceived, receivedIncrements } from './dashboard.writes.js';

/** A burst of registrations projects its markers, counts and feed events in a few commands, exactly. */
describe('dashboard writes under a burst of registrations', () => {
  const commands: string[] = [];

  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('dashboard-writes'), monitorCommands: true });
    mongoose.connection.getClient().on('commandStarted', (e) => {
      const collection: unknown = e.command[e.commandName];
      if (['insert', 'update'].includes(e.commandName) && typeof collection === 'string' && collection.startsWith('dashboard')) commands.push(`${e.commandName} ${collection}`);
    });
    forgetRecentMarkers();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    forgetRecentMarkers();
  });
  beforeEach(() => {
    commands.length = 0;
  });

  const dims = (department: string): MailDims => ({ direction: 'incoming', channel: 'counter', mailType: null, circuit: 'incoming-mail', departments: [department], forAction: [department], dueDay: null, due: null });
  const marker = (n: number) => ({ ...newMarker(new mongoose.Types.ObjectId().toHexString(), null), received: true, chronoNumber: `2026/A/${n}` });

  it('writes the new markers asked for together in one command, and says which were there already', async () => {
    const markers = Array.from({ length: 30 }, (_, n) => marker(n));
    // a marker another node's projection wrote meanwhile (not in this node's memory)
    await DashboardMailModel.create({ ...markers[17]!, chronoNumber: 'theirs' });
    commands.length = 0;

    const inserted = await Promise.all(markers.map((m) => insertNewMarker(m)));

    expect(inserted.filter((ok) => !ok)).toHaveLength(1);
    expect(inserted[17]).toBe(false);
    // the first alone, the 29 asked for while it was written together
    expect(commands).toEqual(['insert dashboardMails', 'insert dashboardMails']);
    const stored = await DashboardMailModel.find({ _id: { $in: markers.map((m) => m._id) } }).lean();
    expect(stored).toHaveLength(30);
    expect(stored.find((m) => m._id === markers[17]!._id)?.chronoNumber).toBe('theirs');
    // asked again: it is known, and nothing is written
    expect(await insertNewMarker(markers[3]!)).toBe(false);
    expect(commands).toHaveLength(2);
  });

  it('counts every mail received, on its own day, in one write per batch', async () => {
    const days = ['2026-12-01', '2026-12-02'] as const;
    const asked = Array.from({ length: 40 }, (_, n) => ({ day: days[n % 2]!, dims: dims(n % 4 === 0 ? 'urbanism' : 'finance') }));

    await Promise.all(asked.map(({ day, dims: d }) => countReceived(day, d)));

    // exact: each mail once, in its department's cell and in the whole administration's
    for (const day of days) {
      const expected: Record<string, number> = {};
      for (const a of asked.filter((x) => x.day === day)) for (const [cell, n] of Object.entries(receivedIncrements(a.dims))) expected[cell] = (expected[cell] ?? 0) + n;
      const { _id, ...counted } = (await DashboardCounterModel.findById(`recv:${day}`).lean())!;
      expect(_id).toBe(`recv:${day}`);
      const flat = Object.fromEntries(Object.entries(counted).flatMap(([top, cells]) => Object.entries(cells as Record<string, number>).map(([cell, n]) => [`${top}.${cell}`, n])));
      expect(flat).toEqual(expected);
    }
    // the first alone, the 39 asked for while it was written in one command for both days
    expect(commands).toEqual(['update dashboardCounters', 'update dashboardCounters']);
  });

  it('appends each event to the feed once, keeping the last ones, in one write per batch', async () => {
    const item = (n: number): StoredFeedItem => ({
      id: `registered:${n}`, at: new Date(Date.UTC(2026, 11, 1, 8, 0, n)).toISOString(), kind: 'mail.registered', mailId: null, chronoNumber: `2026/A/${n}`,
      actor: 'registrar', stepNames: null, status: null, department: 'finance', departments: ['finance'], circuit: null, mailType: null, rights: null,
    });
    await pushFeed(item(0));
    commands.length = 0;

    // event 0 comes again (a repeated event), with 60 new ones, and one of them twice
    await Promise.all([item(0), ...Array.from({ length: 60 }, (_, n) => item(n + 1)), item(5)].map((i) => pushFeed(i)));

    const ids = (await feedItems()).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(FEED_SIZE);
    expect(ids[0]).toBe('registered:60'); // newest first
    expect(ids.at(-1)).toBe('registered:11');
    // the repeated event alone: refused, the feed made sure of, refused again (3 writes); then the
    // 60 new ones asked for meanwhile in one write
    expect(commands).toEqual(Array(4).fill('update dashboardMeta'));
  });

  it('writes a batch whose one event is already in the feed: the others still go in', async () => {
    const item = (n: number): StoredFeedItem => ({
      id: `completed:${n}`, at: new Date().toISOString(), kind: 'userTask.completed', mailId: null, chronoNumber: null,
      actor: 'agent', stepNames: null, status: null, department: 'finance', departments: ['finance'], circuit: null, mailType: null, rights: null,
    });
    await pushFeed(item(1));
    const blocker = pushFeed(item(100)); // written alone, so that the next three go together
    await Promise.all([blocker, pushFeed(item(2)), pushFeed(item(1)), pushFeed(item(3))]);

    // newest first: 1 once, then 100 alone, then 2 and 3 (the batch's new ones, each on its own)
    expect((await feedItems()).map((i) => i.id).filter((id) => id.startsWith('completed:'))).toEqual(['completed:3', 'completed:2', 'completed:100', 'completed:1']);
  });
});
