// What every benchmark starts with: everything built, a stack of its own on free ports (logs in
// test-results/bench-logs), a way to log a demo user in, and a pool of concurrent jobs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, root } from '../../scripts/build.mjs';
import { BACKGROUND_NICE, startStackOnFreePorts } from '../../scripts/stack.mjs';

export const DEMO_PASSWORD = process.env.DIWAN_DEMO_PASSWORD || 'diwan';

export async function startBenchStack() {
  ensureBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'diwan-bench-'));
  const stack = await startStackOnFreePorts({
    dataDir,
    // On the H2 files `npm start` uses, durable as it is (the wire server and the runtime both sync
    // before they answer, the baseline's runtime too); BENCH_STORAGE=memory leaves durability out.
    memory: process.env.BENCH_STORAGE === 'memory',
    quiet: true,
    // as `npm start` runs it: the background parts at a lower priority
    backgroundNice: BACKGROUND_NICE,
    logDir: path.join(root, 'test-results', 'bench-logs'),
  });
  const stop = stack.stop.bind(stack);
  // the benchmark's data goes with it (a run on files leaves hundreds of MB)
  stack.stop = async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return stack;
}

/** A demo user's API token. */
export async function loginToken(stack, username) {
  const res = await fetch(`${stack.engineUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()).token;
}

/** Runs `job` `count` times, `concurrency` at a time (each job gets its index). */
export async function pool(count, concurrency, job) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await job(next++);
  }));
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms of a process and its descendants, from /proc (Linux only). */
export function treeCpu(pid) {
  let fields;
  try {
    fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return 0; // ended meanwhile
  }
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS + childrenOf(pid).reduce((sum, child) => sum + treeCpu(child), 0);
}

function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // no children, or ended meanwhile
  }
}

/**
 * CPU ms each JIT compiler thread of a process tree (a JVM's C1 and C2 threads) has used so far, by
 * thread: a benchmark prints it over its measured rounds (`jitCpuBetween`), where a part still
 * warming up would show.
 */
export function jitCpu(pid, threads = new Map()) {
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads; // ended meanwhile
  }
  for (const tid of tids) {
    try {
      if (!/^C[12] CompilerThre/.test(readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8'))) continue;
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      threads.set(`${pid}/${tid}`, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // the thread ended meanwhile
    }
  }
  for (const child of childrenOf(pid)) jitCpu(child, threads);
  return threads;
}

/**
 * The JIT CPU between two `jitCpu` readings. The JVM ends idle compiler threads and starts new ones:
 * a thread's CPU counts from the first reading (or its start) until it was last seen, so the CPU of
 * a thread that ended between the readings after working is left out (an undercount, never less than 0).
 */
export const jitCpuBetween = (before, after) => [...after].reduce((sum, [tid, ms]) => sum + Math.max(0, ms - (before.get(tid) ?? 0)), 0);

/** CPU ms each part of the stack has used so far. */
export const partsCpu = (stack) => Object.fromEntries(Object.entries(stack.children).map(([name, child]) => [name, treeCpu(child.proc.pid)]));

/**
 * Resolves once the stack is idle: its parts together used under 5% of a core in two 250 ms
 * windows in a row, or after 20 s. A side's deferred work (the dashboard's projections, a
 * runtime's job executor) then ends in its own round, not in the other side's.
 */
export async function settle(stack) {
  const total = () => Object.values(partsCpu(stack)).reduce((a, b) => a + b, 0);
  const deadline = Date.now() + 20_000;
  let quiet = 0;
  while (quiet < 2 && Date.now() < deadline) {
    const before = total();
    await new Promise((r) => setTimeout(r, 250));
    quiet = total() - before < 250 * 0.05 ? quiet + 1 : 0;
  }
}
