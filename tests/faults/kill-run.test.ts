import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { root } from '../../scripts/build.mjs';
import { startStackOnFreePorts, type PartName, type PartRestart, type Stack } from '../../scripts/stack.mjs';
import { DEMO_PASSWORD, waitFor } from '../harness/stack.js';

/**
 * Faults, all at once: a run of 300 registrations by clients that retry with their Idempotency-Key,
 * during which each part in turn (wire server, runtime, engine, workers) dies of `kill -9` and the
 * supervising launcher starts it again on the same ports and files. Afterwards nothing is lost,
 * nothing is done twice, the inbox equals the runtime, and the audit log verifies. Then the
 * supervisor's back-off, and the stop times of the runtime and of the engine without its database.
 * Prints the figures (also in test-results/faults-kill-run.json).
 */
const MAILS = Number(process.env.FAULT_MAILS || 300);
const CLIENTS = 4;
const KILLS: PartName[] = ['mongo', 'runtime', 'engine', 'workers'];
/** Kill k once this many mails are acknowledged; mails past it + LEAD wait for that kill. */
const killAt = (k: number) => Math.round((MAILS * (k + 1)) / (KILLS.length + 1.5));
const LEAD = Math.max(5, Math.round(MAILS / 12));
const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;

interface Registration {
  i: number;
  key: string;
  attempts: number;
  statuses: Record<string, number>;
  id?: string;
  chronoNumber?: string;
}

describe('kill -9 of each part during a 300-mail run', () => {
  let stack: Stack;
  const notices: string[] = [];

  beforeAll(async () => {
    stack = await startStackOnFreePorts({
      dataDir: mkdtempSync(path.join(tmpdir(), 'diwan-faults-kill-run-')),
      quiet: true,
      supervise: true,
      onNotice: (message) => notices.push(`${new Date().toISOString()} ${message.split('\n')[0]}`),
      logDir: path.join(root, 'test-results', 'logs', 'faults-kill-run'),
    });
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  }, 90_000);

  const call = async (method: string, url: string, token?: string, init: { body?: BodyInit; headers?: Record<string, string>; timeoutMs?: number } = {}) => {
    const res = await fetch(stack.engineUrl + url, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
      body: init.body ?? null,
      signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, replayed: res.headers.get('idempotent-replayed') === 'true' };
  };
  /** Logs in, waiting through outages. */
  const login = (username: string) =>
    waitFor(`login of ${username}`, async () => {
      const res = await call('POST', '/api/auth/login', undefined, { body: JSON.stringify({ username, password: DEMO_PASSWORD }), headers: { 'content-type': 'application/json' } }).catch(() => null);
      return res?.status === 200 ? (res.body.token as string) : null;
    }, 180_000);
  const runtime = async <T>(url: string): Promise<T> => {
    const res = await fetch(stack.runtimeUrl + url, { headers: { authorization: `Basic ${Buffer.from(`${stack.runtimeUser}:${stack.runtimePassword}`).toString('base64')}` } });
    if (!res.ok) throw new Error(`runtime GET ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const runtimeAll = async <T>(url: string): Promise<T[]> => {
    const all: T[] = [];
    for (let first = 0; ; first += 500) {
      const page = await runtime<T[]>(`${url}${url.includes('?') ? '&' : '?'}firstResult=${first}&maxResults=500`);
      all.push(...page);
      if (page.length < 500) return all;
    }
  };

  /**
   * Registers mail i as a client would: retries with the same key until acknowledged, 201 (or 200 when
   * the engine replays a registration that a lost answer had already made), or refused for good.
   */
  const register = async (token: string, r: Registration): Promise<void> => {
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      r.attempts += 1;
      const res = await call('POST', '/api/mails', token, { body: mailForm(r.i), headers: { 'idempotency-key': r.key } }).catch((err: Error) => ({ status: err.name === 'TimeoutError' ? 'timeout' : 'network', body: undefined }));
      r.statuses[res.status] = (r.statuses[res.status] ?? 0) + 1;
      if (res.status === 201 || res.status === 200) {
        r.id = res.body.id;
        r.chronoNumber = res.body.chronoNumber;
        return;
      }
      if (typeof res.status === 'number' && res.status < 500 && ![401, 409, 429].includes(res.status)) return; // refused: not an outage
      await new Promise((done) => setTimeout(done, 300));
    }
  };

  it('loses nothing, does nothing twice, and the inbox, the runtime and the audit log agree', async () => {
    const started = Date.now();
    const registrations: Registration[] = Array.from({ length: MAILS }, (_, i) => ({ i, key: `kill-run-${RUN_ID}-${i}`, attempts: 0, statuses: {} }));
    const acknowledged = () => registrations.filter((r) => r.id).length;
    let killsIssued = 0;
    const kills: (PartRestart & { ackedAtKill: number })[] = [];

    // given clients registering mail, several at a time, retrying with their Idempotency-Key
    const registrar = await login('registrar');
    let next = 0;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (next < MAILS) {
        const r = registrations[next++]!;
        // mail i waits for the kills due before it, so that each kill falls inside the run
        await waitFor('the kill due before this mail', async () => KILLS.every((_, k) => killsIssued > k || r.i < killAt(k) + LEAD), 900_000);
        await register(registrar, r);
      }
    });

    // when each part in turn is killed with SIGKILL and the launcher starts it again
    const killer = (async () => {
      for (const [k, part] of KILLS.entries()) {
        await waitFor(`${killAt(k)} acknowledged mails`, async () => acknowledged() >= killAt(k), 900_000);
        const ackedAtKill = acknowledged();
        killsIssued += 1;
        kills.push({ ...(await stack.killPart(part)), ackedAtKill });
      }
    })();
    await Promise.all([...clients, killer]);
    const runSeconds = (Date.now() - started) / 1000;

    // then, once all is up again and every circuit has run to its triage task in the runtime
    const acked = registrations.filter((r) => r.id);
    const admin = await login('admin');
    await waitFor('the engine to be healthy', async () => (await call('GET', '/api/health').catch(() => null))?.status === 200, 180_000);
    const triageInRuntime = async () => {
      const instances = await runtimeAll<{ id: string; businessKey: string }>('/history/process-instance?processDefinitionKey=incoming-mail');
      const tasks = await runtimeAll<{ processInstanceId: string }>('/history/task?taskDefinitionKey=triage');
      return { instances, tasks };
    };
    const triageFrom = Date.now();
    let truth = await triageInRuntime();
    const triageDeadline = Date.now() + 240_000;
    while (new Set(truth.tasks.map((t) => t.processInstanceId)).size < acked.length && Date.now() < triageDeadline) {
      await new Promise((done) => setTimeout(done, 5_000));
      truth = await triageInRuntime();
    }
    const triageSeconds = Math.round((Date.now() - triageFrom) / 1000);
    // and the engine's reconciler has run (twice, its grace apart: a number must be missing twice to be voided)
    const reconciled = [await call('POST', '/api/admin/reconcile', admin)];
    await new Promise((done) => setTimeout(done, 11_000));
    reconciled.push(await call('POST', '/api/admin/reconcile', admin));

    // a client's late retry of an acknowledged registration gets the same mail back (200, replayed)
    const reconciledAt = Date.now();
    const replays = await Promise.all(acked.map(async (r) => {
      const res = await call('POST', '/api/mails', registrar, { body: mailForm(r.i), headers: { 'idempotency-key': r.key } });
      return res.status === 200 && res.replayed && res.body.id === r.id && res.body.chronoNumber === r.chronoNumber;
    }));

    const client = await mongoose.mongo.MongoClient.connect(stack.mongoUri);
    const db = client.db();
    const entries = await db.collection('mails').find({}, { projection: { register: 1, year: 1, sequence: 1, chronoNumber: 1, status: 1, subject: 1, processInstanceId: 1 } }).toArray();
    const readModel = await db.collection('userTasks').find({}, { projection: { taskDefinitionKey: 1, businessKey: 1, status: 1 } }).toArray();
    await client.close();
    const openInRuntime = await runtimeAll<{ id: string }>('/task');
    const verify = await call('GET', '/api/audit/verify', admin);
    // and a part that dies again soon after is started again after twice the delay (back-off)
    const again = [await stack.killPart('workers'), await stack.killPart('workers')];
    // and the parts stop well within the launcher's 15 s limit: the runtime while the workers long-poll
    // it, the engine while its database is down
    const runtimeStopMs = await stack.stopPart('runtime');
    await stack.stopPart('mongo', { kill: true });
    await new Promise((done) => setTimeout(done, 5_000));
    const engineStopMs = await stack.stopPart('engine');

    // every acknowledged mail exists exactly once, with its number
    const mails = entries.filter((m) => m.status !== 'void');
    const ours = mails.filter((m) => String(m.subject).startsWith(`Panne ${RUN_ID} `));
    const byId = new Map(mails.map((m) => [String(m._id), m]));
    const lost = acked.filter((r) => !byId.has(r.id!));
    const renumbered = acked.filter((r) => byId.get(r.id!) && byId.get(r.id!)!.chronoNumber !== r.chronoNumber);
    const copies = countBy(ours.map((m) => String(m.subject)));
    const twice = [...copies.values()].filter((n) => n > 1).length;
    // one number per entry, and no gap in any register but void entries
    const numbers = countBy(entries.map((m) => String(m.chronoNumber)));
    const numberedTwice = [...numbers.values()].filter((n) => n > 1).length;
    const gaps: string[] = [];
    for (const [register, sequences] of groupBy(entries, (m) => `${m.year}/${m.register}`, (m) => Number(m.sequence))) {
      const taken = new Set(sequences);
      for (let s = 1; s <= Math.max(...sequences); s++) if (!taken.has(s)) gaps.push(`${register}/${s}`);
    }
    // every mail reaches its triage task exactly once, in the runtime and in the read model
    const instancesPerMail = countBy(truth.instances.map((p) => p.businessKey));
    const mailOfInstance = new Map(truth.instances.map((p) => [p.id, p.businessKey]));
    const triagePerMailRuntime = countBy(truth.tasks.map((t) => mailOfInstance.get(t.processInstanceId) ?? '?'));
    const triagePerMailInbox = countBy(readModel.filter((t) => t.taskDefinitionKey === 'triage').map((t) => String(t.businessKey)));
    const off = (counts: Map<string, number>) => ours.filter((m) => counts.get(String(m._id)) !== 1).map((m) => `${m.chronoNumber}: ${counts.get(String(m._id)) ?? 0}`);
    // the inbox equals the runtime's open tasks
    const inboxOpen = new Set(readModel.filter((t) => t.status === 'open').map((t) => String(t._id)));
    const runtimeOpen = new Set(openInRuntime.map((t) => t.id));
    const ghosts = [...inboxOpen].filter((id) => !runtimeOpen.has(id));
    const missing = [...runtimeOpen].filter((id) => !inboxOpen.has(id));

    const figures = {
      mails: MAILS,
      clients: CLIENTS,
      totalSeconds: Math.round((Date.now() - started) / 1000),
      seconds: { run: Math.round(runSeconds), waitForTriage: triageSeconds, reconcile: Math.round((reconciledAt - triageFrom) / 1000) - triageSeconds, checks: Math.round((Date.now() - reconciledAt) / 1000) },
      attempts: registrations.reduce((n, r) => n + r.attempts, 0),
      answers: registrations.reduce<Record<string, number>>((all, r) => {
        for (const [status, n] of Object.entries(r.statuses)) all[status] = (all[status] ?? 0) + n;
        return all;
      }, {}),
      kills: kills.map((k) => ({ part: k.name, ackedAtKill: k.ackedAtKill, restartDelayS: k.delayMs / 1000, backAfterS: Number((((k.readyAt ?? 0) - k.crashedAt) / 1000).toFixed(1)) })),
      acknowledged: acked.length,
      notAcknowledged: registrations.filter((r) => !r.id).map((r) => ({ i: r.i, statuses: r.statuses })),
      stored: { mails: mails.length, ofThisRun: ours.length, voidEntries: entries.length - mails.length, lost: lost.length, renumbered: renumbered.length, registeredTwice: twice },
      register: { entries: entries.length, numbersGivenTwice: numberedTwice, gaps },
      replaysWithSameMail: `${replays.filter(Boolean).length}/${replays.length}`,
      circuits: { instancesNotOne: off(instancesPerMail), triageNotOnceInRuntime: off(triagePerMailRuntime), triageNotOnceInInbox: off(triagePerMailInbox) },
      inbox: { open: inboxOpen.size, runtimeOpen: runtimeOpen.size, ghosts: ghosts.length, missing: missing.length },
      reconcile: reconciled.map((r) => (r.status === 200 ? { voided: r.body.voidedNumbers.length, ...r.body.mails, ...r.body.userTasks } : { status: r.status })),
      audit: verify.body,
      backOff: again.map((r) => r.delayMs / 1000),
      stopSeconds: { runtime: runtimeStopMs / 1000, engineWithDatabaseDown: engineStopMs / 1000 },
      launcher: notices,
    };
    console.log(`kill -9 during a ${MAILS}-mail run:\n${JSON.stringify(figures, null, 2)}`);
    mkdirSync(path.join(root, 'test-results'), { recursive: true });
    writeFileSync(path.join(root, 'test-results', 'faults-kill-run.json'), JSON.stringify(figures, null, 2));

    expect(kills.map((k) => [k.name, Boolean(k.readyAt)])).toEqual(KILLS.map((part) => [part, true]));
    expect(figures.notAcknowledged).toEqual([]);
    expect(figures.stored).toMatchObject({ ofThisRun: MAILS, lost: 0, renumbered: 0, registeredTwice: 0 });
    expect(figures.register).toEqual({ entries: entries.length, numbersGivenTwice: 0, gaps: [] });
    expect(figures.replaysWithSameMail).toBe(`${replays.length}/${replays.length}`);
    expect(figures.circuits).toEqual({ instancesNotOne: [], triageNotOnceInRuntime: [], triageNotOnceInInbox: [] });
    expect({ ghosts, missing }).toEqual({ ghosts: [], missing: [] });
    expect(reconciled.map((r) => r.status)).toEqual([200, 200]);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, missing: [] });
    expect(again[1]!.delayMs).toBe(2 * again[0]!.delayMs);
    expect(runtimeStopMs).toBeLessThan(10_000);
    expect(engineStopMs).toBeLessThan(10_000);
  }, 900_000);
});

/** The registration of mail i, the same on every retry. */
function mailForm(i: number): FormData {
  const form = new FormData();
  form.set('mail', JSON.stringify({
    direction: 'incoming',
    subject: `Panne ${RUN_ID} · demande ${i} · طلب ${i}`,
    language: 'fr',
    channel: 'counter',
    correspondent: { kind: 'citizen', name: `Citoyen ${i}` },
  }));
  return form;
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function groupBy<T, V>(items: T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), value(item)]);
  return groups;
}
