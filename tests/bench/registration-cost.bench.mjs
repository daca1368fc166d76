// `npm run bench:cost`: what a registration costs in CPU, part by part, beside the baseline (the
// same circuit started on the raw runtime, see registration.fixture.mjs), in the same run.
//
// Each side registers BENCH_MAILS mails (8 at a time) and is measured until its work is done: every
// triage task in the cabinet's open inbox (Diwan) or in the runtime's task list (baseline), and no
// external task left. The CPU time of each part of the stack (its whole process tree, from
// /proc/<pid>/stat: Linux only) and of this process (the clients, and the baseline's receipt
// worker) is read before and after, and printed per mail. Rounds alternate between the sides.
// This tells where a registration's time goes; `npm run bench` tells how fast it is.
import { io } from 'socket.io-client';
import { loginToken, partsCpu, pool, settle, startBenchStack } from './bench-stack.mjs';
import { deployBaseline, registerMail } from './registration.fixture.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 2);
const PER_ROUND = Number(process.env.BENCH_MAILS || 150);
const CONCURRENCY = 8;
/** CPU ms of this process alone (the stack's parts are its children). */
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const stack = await startBenchStack();
try {
  const baseline = await deployBaseline(stack);
  const registrar = await loginToken(stack, 'registrar');
  const cabinet = io(stack.engineUrl, { auth: { token: await loginToken(stack, 'cabinet') }, transports: ['websocket'] });
  await new Promise((resolve) => cabinet.once('connect', resolve));
  let triageSeen = 0;
  cabinet.on('userTask.created', (task) => task.taskDefinitionKey === 'triage' && triageSeen++);
  const baselineTriage = async () => (await (await baseline.runtime('/task/count?processDefinitionKey=bench-baseline&taskDefinitionKey=triage')).json()).count;

  let seq = 0;
  const sides = {
    diwan: async () => {
      const before = triageSeen;
      await pool(PER_ROUND, CONCURRENCY, () => registerMail(stack, registrar, ++seq));
      while (triageSeen < before + PER_ROUND) await sleep(100);
    },
    baseline: async () => {
      const before = await baselineTriage();
      await pool(PER_ROUND, CONCURRENCY, () => baseline.start(`baseline-${++seq}`));
      while ((await baselineTriage()) < before + PER_ROUND) await sleep(100);
    },
  };
  const snapshot = () => ({ ...partsCpu(stack), 'bench client': ownCpu() });
  const spent = { diwan: {}, baseline: {} };

  // warm-up of both sides (JIT, caches), not counted
  for (const run of Object.values(sides)) await run();
  await baseline.drain();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(sides)) {
      await settle(stack); // nothing of the other side's round is counted in this one
      const before = snapshot();
      await run();
      await baseline.drain();
      await settle(stack); // and this side's deferred work (the dashboard's projections) is
      const after = snapshot();
      for (const part of Object.keys(after)) spent[name][part] = (spent[name][part] ?? 0) + after[part] - before[part];
    }
  }
  baseline.client.stop();
  cabinet.close();

  const mails = ROUNDS * PER_ROUND;
  const perMail = (ms) => (ms / mails).toFixed(1).padStart(6);
  const total = (side) => Object.values(spent[side]).reduce((a, b) => a + b, 0);
  console.log(`\nCPU per registration, through to the triage task (${ROUNDS} rounds × ${PER_ROUND} mails each side, ${CONCURRENCY} at a time), ms`);
  console.log(`  ${'part'.padEnd(14)} ${'diwan'.padStart(6)} ${'baseline'.padStart(9)}`);
  for (const part of Object.keys(spent.diwan)) console.log(`  ${part.padEnd(14)} ${perMail(spent.diwan[part])} ${perMail(spent.baseline[part]).padStart(9)}`);
  console.log(`  ${'total'.padEnd(14)} ${perMail(total('diwan'))} ${perMail(total('baseline')).padStart(9)}`);
  console.log(`  ratio diwan/baseline: ${(total('diwan') / total('baseline')).toFixed(2)}`);
} finally {
  await stack.stop();
}
