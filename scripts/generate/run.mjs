// The data generator's work: plan N mails over the years, reserve their chrono numbers, write the
// mails, their audit entries and their tasks in batches, then rebuild the dashboard's read models.
import path from 'node:path';
import { loadCircuits, fixedGroupsOf } from './circuits.mjs';
import { assertStoredShape, loadEngine } from './engine.mjs';
import { readAdministration } from './admin.mjs';
import { correspondentPool, mailDocuments } from './documents.mjs';
import { DAY_MS, arrivalTimes, seededRandom } from './random.mjs';

const REGISTER_OF_DIRECTION = { incoming: 'A', outgoing: 'D', internal: 'I' };
const DIRECTIONS = ['incoming', 'outgoing', 'internal'];

/** Which mails are still open: about `target` of them, the recent ones far more often than the old. */
function openFlags(random, times, now, target) {
  const weights = Float64Array.from(times, (t) => Math.exp(-(now - t) / (40 * DAY_MS)) + 0.003);
  let lo = 0;
  let hi = 1e6;
  const expected = (k) => weights.reduce((sum, w) => sum + Math.min(1, k * w), 0);
  for (let i = 0; i < 50; i += 1) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < target) lo = mid;
    else hi = mid;
  }
  return Uint8Array.from(weights, (w) => (random.chance(Math.min(1, hi * w)) ? 1 : 0));
}

/**
 * options: { root, uri, mails, openTasks, completedTasks, days, batch, seed, now, rebuild (default true), log }.
 * The rebuild here runs outside the engine: while an engine projects events meanwhile it may collide
 * with it, so with a running engine prefer `rebuild: false` and POST /api/admin/dashboard/rebuild.
 * Resolves with the figures: counts, seconds, rows per second, the chrono ranges taken.
 */
export async function generate(options) {
  const { root, uri, mails: count, days = 730, batch = 5000, seed = 9, log = console.log } = options;
  const openTarget = options.openTasks ?? Math.min(100_000, Math.round(count / 10));
  const completedTarget = options.completedTasks ?? Math.round(count * 0.3);
  const now = options.now ?? Date.now();
  const started = performance.now();
  const random = seededRandom(seed);
  const engine = await loadEngine(root);
  const { mongoose } = engine;
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 60_000, connectTimeoutMS: 60_000 });
  try {
    const db = mongoose.connection.db;
    const circuits = loadCircuits(path.join(root, 'processes'));
    const admin = await readAdministration(db, circuits, fixedGroupsOf(circuits), correspondentPool(random, 2000, engine.searchTextOf));

    // 1. The plan: when each mail came, its direction, whether it is still open.
    const times = arrivalTimes(random, count, days, now);
    const directions = Uint8Array.from(times, () => Number(random.weighted({ 0: 65, 1: 25, 2: 10 })));
    const open = openFlags(random, times, now, openTarget);
    const openCount = open.reduce((a, b) => a + b, 0);
    // Closed mails keep their steps' history with this probability (about `completedTarget` tasks).
    const historyChance = Math.min(1, Math.max(0, completedTarget - openCount * 1.5) / Math.max(1, (count - openCount) * 3.4));

    // A first mail and its tasks, built and checked before any number is taken.
    const ctx = { random, now, engine, admin, circuits, definitionSuffix: 'generated' };
    const probe = mailDocuments({ ...ctx, random: seededRandom(seed + 1) }, { at: times[count - 1], direction: 'incoming', register: 'A', year: 2000, sequence: 1, open: true });
    await assertStoredShape(engine, engine.MailModel, probe.mail);
    for (const task of probe.tasks) await assertStoredShape(engine, engine.UserTaskModel, task);

    // 2. Chrono numbers: reserve each register's range in one `$inc`, so a registration made
    //    meanwhile takes the number after it, and the register stays gapless.
    const perRegister = new Map();
    for (let i = 0; i < count; i += 1) {
      const key = `${REGISTER_OF_DIRECTION[DIRECTIONS[directions[i]]]}:${new Date(times[i]).getUTCFullYear()}`;
      perRegister.set(key, (perRegister.get(key) ?? 0) + 1);
    }
    const next = new Map();
    const ranges = [];
    for (const [key, n] of perRegister) {
      const [register, year] = key.split(':');
      const counter = await db.collection('counters').findOneAndUpdate({ _id: engine.counterName(register, Number(year)) }, { $inc: { value: n } }, { upsert: true, returnDocument: 'after' });
      const value = counter.value;
      next.set(key, value - n + 1);
      ranges.push({ register, year: Number(year), from: value - n + 1, to: value });
    }

    // 3. The audit chain continues from its head (nothing else may append meanwhile: checked).
    const head = await engine.AuditEntryModel.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? engine.GENESIS_HASH;

    // 4. Batches, two in flight: the next one is built while the server stores the last.
    const totals = { mails: 0, openTasks: 0, completedTasks: 0, auditEntries: 0 };
    const inFlight = new Set();
    let lastReport = 0;
    const report = (force) => {
      const elapsed = (performance.now() - started) / 1000;
      if (!force && elapsed - lastReport < 2) return;
      lastReport = elapsed;
      const rows = totals.mails + totals.openTasks + totals.completedTasks + totals.auditEntries;
      const eta = totals.mails ? ((count - totals.mails) * elapsed) / totals.mails : 0;
      log(`  ${totals.mails.toLocaleString('en')}/${count.toLocaleString('en')} mails · ${(totals.openTasks + totals.completedTasks).toLocaleString('en')} tasks · ${Math.round(rows / elapsed).toLocaleString('en')} rows/s · ${Math.round(totals.mails / elapsed).toLocaleString('en')} mails/s · ETA ${Math.round(eta)} s`);
    };
    // A batch is written again after a lost connection (the server busy past the driver's timeouts):
    // what the first try stored is recognised, by _id, and for audit entries by their hash.
    const store = (mails, tasks, entries) =>
      withRetries(log, async () => {
        await insertNew(engine.MailModel.collection, mails);
        if (tasks.length) await insertNew(engine.UserTaskModel.collection, tasks);
        await appendEntries(engine.AuditEntryModel.collection, entries);
      });
    for (let from = 0; from < count; from += batch) {
      const mails = [];
      const tasks = [];
      const entries = [];
      for (let i = from; i < Math.min(count, from + batch); i += 1) {
        const direction = DIRECTIONS[directions[i]];
        const register = REGISTER_OF_DIRECTION[direction];
        const year = new Date(times[i]).getUTCFullYear();
        const key = `${register}:${year}`;
        const sequence = next.get(key);
        next.set(key, sequence + 1);
        const doc = mailDocuments(ctx, { at: times[i], direction, register, year, sequence, open: open[i] === 1 });
        mails.push(doc.mail);
        if (open[i] || random.chance(historyChance)) {
          for (const t of doc.tasks) {
            tasks.push(t);
            if (t.status === 'open') totals.openTasks += 1;
            else totals.completedTasks += 1;
          }
        }
        const draft = { seq: ++seq, at: doc.mail.registeredAt, actor: doc.mail.registeredBy, action: 'mail.registered', mailId: String(doc.mail._id), details: { chronoNumber: doc.mail.chronoNumber, direction, attachments: 0, generated: true }, prevHash };
        prevHash = engine.hashEntry(draft);
        entries.push({ ...draft, hash: prevHash });
      }
      await assertStoredShape(engine, engine.MailModel, mails[0]);
      if (tasks.length) await assertStoredShape(engine, engine.UserTaskModel, tasks[0]);
      totals.mails += mails.length;
      totals.auditEntries += entries.length;
      const job = store(mails, tasks, entries).finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= 2) await Promise.race(inFlight);
      report(false);
    }
    await Promise.all(inFlight);
    report(true);
    const written = (performance.now() - started) / 1000;

    // 5. The dashboard's read models, recomputed from what is now there.
    let rebuildSeconds = null;
    if (options.rebuild === false) {
      log('  dashboard not rebuilt here (--no-rebuild): POST /api/admin/dashboard/rebuild does it inside the engine');
    } else if (engine.rebuild) {
      log('  rebuilding the dashboard read models …');
      const t0 = performance.now();
      let shown = 0;
      const report = await engine
        .rebuild({
          onProgress: (step, n) => {
            if (performance.now() - shown < 2000) return;
            shown = performance.now();
            log(`    ${step}: ${n.toLocaleString('en')}`);
          },
        })
        .catch((err) => {
          if (err.code !== 11000) throw err;
          throw new Error(`The data is written, but the dashboard rebuild met the running engine's projection (${err.message.slice(0, 120)}). Ask the engine to rebuild instead: POST /api/admin/dashboard/rebuild as an admin.`);
        });
      log(`  dashboard rebuilt from ${report.mails.toLocaleString('en')} mails and ${report.userTasks.toLocaleString('en')} tasks`);
      rebuildSeconds = (performance.now() - t0) / 1000;
    } else {
      log('  engine/dist/dashboard/dashboard.rebuild.js is missing: the dashboard was not rebuilt');
    }
    const rows = totals.mails + totals.openTasks + totals.completedTasks + totals.auditEntries;
    return { ...totals, correspondentsAdded: admin.correspondentsAdded, rows, writeSeconds: written, rowsPerSecond: rows / written, rebuildSeconds, ranges };
  } finally {
    await mongoose.disconnect();
  }
}

const isDuplicates = (err) => (err?.code === 11000 && !err.writeErrors) || (err?.writeErrors?.length > 0 && err.writeErrors.every((e) => e.code === 11000));
const isConnectionLoss = (err) => /Network|PoolCleared|Timeout|Interrupted/i.test(`${err?.name} ${err?.errorResponse?.name ?? ''}`) || /interrupted|timed out|ECONNRESET/i.test(String(err?.message));

/** Runs `write` again (up to 5 times, 2 s, 4 s … apart) when the connection was lost under it. */
async function withRetries(log, write) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= 5 || !isConnectionLoss(err)) throw err;
      log(`  (the database did not answer in time: batch written again, try ${attempt + 1})`);
      await new Promise((r) => setTimeout(r, 2_000 * 2 ** (attempt - 1)));
    }
  }
}

/** Inserts the documents; those already there (by _id: a first try's) are left as they are. */
async function insertNew(collection, docs) {
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (err) {
    if (!isDuplicates(err)) throw err;
  }
}

/**
 * Appends audit entries in order: an entry someone else appended meanwhile stops the batch instead
 * of forking the chain; an entry with the same seq and hash is this batch's, written by a first try.
 */
async function appendEntries(collection, entries) {
  try {
    await collection.insertMany(entries, { ordered: true });
  } catch (err) {
    if (!isDuplicates(err)) throw err;
    for (const entry of entries) {
      try {
        await collection.insertOne(entry);
      } catch (again) {
        if (again?.code !== 11000) throw again;
        const there = await collection.findOne({ seq: entry.seq }, { projection: { hash: 1 } });
        if (there?.hash !== entry.hash) throw new Error(`audit entry ${entry.seq} was appended by someone else meanwhile`, { cause: again });
      }
    }
  }
}
