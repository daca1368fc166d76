// `npm run bench:dashboard [-- --mails 1000000 --runtime-instances 5000 --samples 20]`: p50 and p95
// of GET /api/dashboard, side by side with the same figures asked of the runtime's REST API.
//
// The runtime cannot be given a million instances here (each is a REST start, ~100 a second), so:
// 1. the runtime runs `--runtime-instances` real instances of a two-step circuit (9 in 10 worked
//    to the end) and Diwan gets as many generated mails: both are measured, rounds interleaved, at
//    the SAME volume, and the ratio is printed;
// 2. then `npm run generate -- --mails <--mails>` adds that many (1,000,000 for the figure;
//    the default is smaller so that the bench fits in a CI job), and both are measured again: Diwan
//    at its full volume, the runtime still at its own (for reference, under the same load).
// Each view: the dashboard as a supervisor (month; one department; a mail type over a year) and as
// a head of department. The volumes each side held are printed with the figures, and the load.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, root } from '../../scripts/build.mjs';
import { BACKGROUND_NICE, freePort, startStack } from '../../scripts/stack.mjs';
import { loginToken } from './bench-stack.mjs';
import { populateRuntime, runtimeDashboard } from './dashboard.baseline.mjs';

const { values } = parseArgs({
  options: {
    mails: { type: 'string', default: process.env.BENCH_DASHBOARD_MAILS ?? '100000' },
    'runtime-instances': { type: 'string', default: process.env.BENCH_RUNTIME_INSTANCES ?? '3000' },
    samples: { type: 'string', default: process.env.BENCH_SAMPLES ?? '15' },
  },
});
const MAILS = Number(values.mails.replaceAll('_', ''));
const K = Number(values['runtime-instances'].replaceAll('_', ''));
const SAMPLES = Number(values.samples);
if (!(MAILS > 0 && K > 0)) throw new Error('--mails and --runtime-instances must be positive');

const DAY = 86_400_000;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const n = (x) => x.toLocaleString('en');

/** `npm run generate` itself, against the bench stack's database. */
function runGenerator(uri, mails) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'generate', '--', '--mails', String(mails), '--uri', uri, '--seed', String(mails), '--no-rebuild'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(String(chunk).replace(/^/gm, '    '));
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`npm run generate exited with ${code}`))));
  });
}

ensureBuilt();
// On files, as `npm start` runs. The wire server's default 512 MB heap ran out at about 720,000 mails:
// past 300,000 it gets 6 GB, unless DIWAN_MONGO_HEAP says otherwise (the heap is printed).
const dataDir = mkdtempSync(path.join(tmpdir(), 'diwan-bench-dashboard-'));
const heap = process.env.DIWAN_MONGO_HEAP || (MAILS + K > 300_000 ? '6g' : '512m');
// The generated mails have no instance on the runtime: the reconciler's periodic pass would close their
// open tasks as ghosts one by one (a runtime request each) in the middle of the measurements. It runs
// at the engine's start only here.
process.env.DIWAN_RECONCILE_EVERY_MINUTES ??= '0';
console.log(`Wire server heap ${heap}, data in ${dataDir}; reconciler every ${process.env.DIWAN_RECONCILE_EVERY_MINUTES} min (0: at start only)`);
const stack = await startStack({
  env: { ...process.env, DIWAN_MONGO_HEAP: heap },
  backgroundNice: BACKGROUND_NICE,
  dataDir,
  memory: false,
  quiet: true,
  logDir: path.join(root, 'test-results', 'bench-logs'),
  ports: { engine: await freePort(), runtime: await freePort(), mongo: await freePort() },
});

try {
  const tokens = { supervisor: await loginToken(stack, 'supervisor'), head: await loginToken(stack, 'head'), admin: await loginToken(stack, 'admin') };
  /** The engine rebuilds the dashboard's read models itself, with its projection paused meanwhile. */
  const rebuild = async () => {
    const t0 = performance.now();
    // node:http, not fetch: a rebuild at a million mails takes longer than fetch waits for headers.
    const { status, body } = await new Promise((resolve, reject) => {
      const req = request(`${stack.engineUrl}/api/admin/dashboard/rebuild`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    if (status !== 200) throw new Error(`dashboard rebuild: ${status} ${body}`);
    console.log(`    dashboard rebuilt by the engine in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${body}`);
  };
  const departments = ['urbanism', 'finance'];
  const users = ['agent', 'head'];
  const now = Date.now();
  const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
  /** Each view: the dashboard's query, who asks, and the runtime's equivalent. */
  const views = [
    { name: 'supervisor, this month', who: 'supervisor', query: 'period=month', runtime: { periodStart: monthStart } },
    { name: 'supervisor, urbanism', who: 'supervisor', query: 'period=month&department=urbanism', runtime: { department: 'urbanism', periodStart: monthStart } },
    { name: 'supervisor, complaints, year', who: 'supervisor', query: 'period=year&mailType=complaint', runtime: { mailType: 'complaint', periodStart: now - 365 * DAY } },
    { name: 'head (urbanism), month', who: 'head', query: 'period=month', runtime: { department: 'urbanism', periodStart: monthStart } },
  ];
  const diwanView = async (view) => {
    const res = await fetch(`${stack.engineUrl}/api/dashboard?${view.query}`, { headers: { authorization: `Bearer ${tokens[view.who]}`, 'accept-language': 'fr' } });
    if (!res.ok) throw new Error(`GET /api/dashboard?${view.query} as ${view.who}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const runtimeView = (view) => runtimeDashboard(stack, { departments, users, ...view.runtime });
  const time = async (job) => {
    const t0 = performance.now();
    const result = await job();
    return [performance.now() - t0, result];
  };

  /** SAMPLES rounds per view, the two sides interleaved; prints p50/p95 and the ratio. */
  async function measure(label, withRuntime) {
    console.log(`\n${label}  (load average ${load()})`);
    for (const view of views) {
      const diwan = [];
      const runtime = [];
      let lastDto;
      let lastRuntime;
      await diwanView(view); // warm-up of both
      if (withRuntime) await runtimeView(view);
      for (let i = 0; i < SAMPLES; i++) {
        const [d, dto] = await time(() => diwanView(view));
        diwan.push(d);
        lastDto = dto;
        if (withRuntime) {
          const [r, figures] = await time(() => runtimeView(view));
          runtime.push(r);
          lastRuntime = figures;
        }
      }
      const seen = `open ${n(lastDto.open.total)}, received this month ${n(lastDto.received.month.total)}`;
      console.log(`  ${view.name.padEnd(30)} diwan p50 ${fmt(percentile(diwan, 50))}, p95 ${fmt(percentile(diwan, 95))}   [${seen}]`);
      if (withRuntime) {
        console.log(`  ${''.padEnd(30)} runtime p50 ${fmt(percentile(runtime, 50))}, p95 ${fmt(percentile(runtime, 95))}   [${lastRuntime.queries} REST queries, ${n(lastRuntime.finishedRows)} finished tasks read]`);
        console.log(`  ${''.padEnd(30)} ratio diwan/runtime: p50 ${(percentile(diwan, 50) / percentile(runtime, 50)).toFixed(3)}, p95 ${(percentile(diwan, 95) / percentile(runtime, 95)).toFixed(3)}`);
      }
    }
  }

  // 1. Same volume on both sides.
  console.log(`Runtime: ${n(K)} instances of the baseline circuit (load ${load()})`);
  const held = await populateRuntime(stack, { count: K, departments, agents: { urbanism: 'agent', finance: 'head' } });
  console.log(`  runtime holds ${n(held.instances)} instances, ${n(held.openTasks)} open tasks, ${n(held.finishedTasks)} finished tasks (${held.seconds.toFixed(0)} s)`);
  console.log(`Diwan: ${n(K)} generated mails`);
  await runGenerator(stack.mongoUri, K);
  await rebuild();
  await measure(`Same volume: Diwan ${n(K)} mails (+ the runtime's ${n(K)} instances it projected), runtime ${n(held.instances)} instances; ${SAMPLES} samples per view`, true);

  // 2. Diwan at the full volume: `npm run generate -- --mails MAILS` on top.
  console.log(`\nDiwan: ${n(MAILS)} more generated mails (to ${n(MAILS + K)})`);
  await runGenerator(stack.mongoUri, MAILS);
  await rebuild();
  await measure(`Diwan at ${n(MAILS + K)} mails (runtime still ${n(held.instances)} instances, measured again for reference)`, true);
  const reconcile = await fetch(`${stack.engineUrl}/api/admin/reconcile`, { headers: { authorization: `Bearer ${tokens.supervisor}` } }).then((r) => r.json());
  console.log(`\nLast reconciler pass: ${reconcile?.at ?? 'none'} (ghost tasks closed: ${reconcile?.userTasks?.ghosts ?? 0})`);
} finally {
  await stack.stop();
}
