// `npm run bench`: registrations per second, and time from registration to the triage task in an
// open inbox (p50, p95). Each is measured for Diwan and for a baseline side by side in the same
// run, rounds interleaved, and printed as a ratio: the machines are noisy, absolute figures are not.
//
// Baseline: the same circuit (incoming-mail, renamed) started directly on the runtime's REST API,
// its receipt step done by a camunda-external-task-client that fetches as our workers do, and the triage task
// noticed by polling the runtime's task list as Tasklist does.
// Diwan: POST /api/mails (validation, chrono number, audit, storage, circuit start), the real
// workers, and the triage task noticed as a Socket.io event in the cabinet's open inbox.
// Each round's work (circuit starts, receipts, projections) is finished and the stack idle before
// the next round starts, so that a side's background work is never measured in the other side's
// round. Eleven rounds, after five warm-up rounds (see below). With the client's default fetching,
// the baseline's rounds varied 2× to 4× within a run (44–183/s) and its median from 81 to 139/s
// between runs (see registration.fixture.mjs); fetching as our workers do, 56–104/s and medians of
// 77, 83 and 77/s in three runs. Diwan's median still moves between runs (54, 40 and 56/s in those
// three: ratios 0.70, 0.48, 0.73), so compare ratios over several runs. Since a registered mail's
// circuit starts without the queue (mail.circuit.ts), four runs gave ratios of 0.75, 0.74, 0.85 and
// 0.90 (Diwan 53, 51, 59, 51/s) and through ratios of 0.31–0.34 (were 0.27–0.30). Both sides are durable, on files,
// as `npm start` runs them (BENCH_STORAGE=memory: both in memory).
import { io } from 'socket.io-client';
import { jitCpu, jitCpuBetween, loginToken, pool, settle, startBenchStack } from './bench-stack.mjs';
import { deployBaseline, registerMail as register } from './registration.fixture.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 11);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS || 5);
const PER_ROUND = Number(process.env.BENCH_MAILS || 40);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES || 15);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const stack = await startBenchStack();

try {
  const baseline = await deployBaseline(stack);
  const login = (username) => loginToken(stack, username);
  const registrar = await login('registrar');
  const cabinet = io(stack.engineUrl, { auth: { token: await login('cabinet') }, transports: ['websocket'] });
  await new Promise((resolve) => cabinet.once('connect', resolve));
  // Triage tasks as the cabinet's inbox hears them; an event may come before the POST answers.
  const arrivals = new Map();
  const waiters = new Map();
  cabinet.on('userTask.created', (task) => {
    const now = performance.now();
    if (task.taskDefinitionKey !== 'triage') return;
    const waiter = waiters.get(task.businessKey);
    if (waiter) waiter(now);
    else arrivals.set(task.businessKey, now);
  });
  const triageSeen = (mailId) => (arrivals.has(mailId) ? Promise.resolve(arrivals.get(mailId)) : new Promise((resolve) => waiters.set(mailId, resolve)));
  // every external task done, then the stack idle (deferred work, such as the dashboard's
  // projections, is not left to run in the other side's round)
  const drain = async () => {
    await baseline.drain();
    await settle(stack);
  };

  let seq = 0;
  const registerMail = () => register(stack, registrar, ++seq);
  const startBaseline = () => baseline.start(`baseline-${++seq}`);

  // 1. Throughput, rounds interleaved, each round's work finished before the next starts (so that
  //    neither side's background work is measured in the other's round). Two rates per round:
  //    acknowledged (201 / started) and through to the triage task (the mail in the cabinet's inbox).
  const rate = { diwan: [], baseline: [] };
  const through = { diwan: [], baseline: [] };
  const baselineTriageCount = async () =>
    (await (await baseline.runtime('/task/count?processDefinitionKey=bench-baseline&taskDefinitionKey=triage')).json()).count;
  const sides = {
    // acknowledged on the 201; through when the cabinet's socket hears of the triage task
    diwan: {
      job: async (pending) => pending.push(triageSeen(await registerMail())),
      allThrough: (pending) => Promise.all(pending),
    },
    // acknowledged when the runtime answers the start; through when the runtime holds the triage task
    baseline: {
      job: () => startBaseline(),
      allThrough: async (_pending, before) => {
        while ((await baselineTriageCount()) < before + PER_ROUND) await sleep(50);
      },
    },
  };
  // Warm-up rounds each, not counted: a server runs warm, and the JITs of Node and of both JVMs
  // take a while. With one warm-up round, the wire server's C2 compiler was still using 200–340 ms
  // of CPU in each of the next five rounds of 40 (a third to a half of the wire server's CPU), and
  // 30–130 ms from the seventh on (it now runs the quick compiler only: scripts/stack.mjs). The JIT
  // CPU left in the measured rounds is printed below.
  const jitParts = ['mongo', 'runtime'].filter((name) => stack.children[name]);
  const jitNow = () => Object.fromEntries(jitParts.map((name) => [name, jitCpu(stack.children[name].proc.pid)]));
  let jitBefore = null;
  for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
    if (round === 0) jitBefore = jitNow();
    for (const [name, side] of Object.entries(sides)) {
      await drain();
      const before = name === 'baseline' ? await baselineTriageCount() : 0;
      const pending = [];
      const t0 = performance.now();
      await pool(PER_ROUND, CONCURRENCY, () => side.job(pending));
      const acknowledged = PER_ROUND / ((performance.now() - t0) / 1000);
      await side.allThrough(pending, before);
      if (round < 0) continue;
      rate[name].push(acknowledged);
      through[name].push(PER_ROUND / ((performance.now() - t0) / 1000));
    }
  }

  // 2. Registration to triage task in an open inbox, one at a time, interleaved, once the
  //    throughput backlog is worked off.
  await drain();
  const latency = { diwan: [], baseline: [] };
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    {
      const t0 = performance.now();
      const seenAt = await triageSeen(await registerMail());
      latency.diwan.push(seenAt - t0);
    }
    {
      const t0 = performance.now();
      const instanceId = await startBaseline();
      for (;;) {
        const tasks = await (await baseline.runtime(`/task?processInstanceId=${instanceId}&taskDefinitionKey=triage`)).json();
        if (tasks.length) break;
        await sleep(50);
      }
      latency.baseline.push(performance.now() - t0);
    }
  }
  baseline.client.stop();
  cabinet.close();

  const median = (v) => percentile(v, 50);
  const fmt = (n) => n.toFixed(1);
  const jitAfter = jitNow();
  console.log(`\nRegistrations per second (${ROUNDS} rounds × ${PER_ROUND} after ${WARMUP_ROUNDS} warm-up rounds, concurrency ${CONCURRENCY}, median of rounds)`);
  console.log(`  diwan    ${fmt(median(rate.diwan))}/s   [${rate.diwan.map(fmt).join(', ')}]`);
  console.log(`  baseline ${fmt(median(rate.baseline))}/s   [${rate.baseline.map(fmt).join(', ')}]`);
  console.log(`  ratio diwan/baseline: ${(median(rate.diwan) / median(rate.baseline)).toFixed(2)}`);
  console.log(`\nThrough to the triage task (the same rounds: from the first request until every mail of the round is in the cabinet's inbox)`);
  console.log(`  diwan    ${fmt(median(through.diwan))}/s   [${through.diwan.map(fmt).join(', ')}]`);
  console.log(`  baseline ${fmt(median(through.baseline))}/s   [${through.baseline.map(fmt).join(', ')}]`);
  console.log(`  ratio diwan/baseline: ${(median(through.diwan) / median(through.baseline)).toFixed(2)}`);
  console.log(`\nJIT compilers' CPU over the measured rounds: ${jitParts.map((name) => `${name === 'mongo' ? 'wire server' : name} ${jitCpuBetween(jitBefore[name], jitAfter[name])} ms`).join(', ')}`);
  console.log(`\nRegistration → triage task in an open inbox (${LATENCY_SAMPLES} samples each)`);
  for (const p of [50, 95]) {
    const d = percentile(latency.diwan, p);
    const b = percentile(latency.baseline, p);
    console.log(`  p${p}: diwan ${fmt(d)} ms, baseline ${fmt(b)} ms, ratio ${(d / b).toFixed(2)}`);
  }
} finally {
  await stack.stop();
}
