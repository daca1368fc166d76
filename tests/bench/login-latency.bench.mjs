// `node tests/bench/login-latency.bench.mjs`: how much 16 parallel logins slow the other routes.
// Starts its own stack (as built: it does not rebuild), then measures GET /api/departments and
// GET /api/auth/me one after another: idle, then while 16 clients log in again and again with the
// right password, then while 16 clients guess passwords (the rate limit's case), each for at least
// 10 s. Prints p50, p95 and max per phase, and the logins' answers by status. No assertions: the machines are noisy; compare the phases of one run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../../scripts/build.mjs';
import { freePort, startStack } from '../../scripts/stack.mjs';
import { DEMO_PASSWORD, loginToken } from './bench-stack.mjs';

const CLIENTS = Number(process.env.BENCH_LOGIN_CLIENTS || 16);
const SAMPLES = Number(process.env.BENCH_LOGIN_SAMPLES || 60);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const stack = await startStack({
  dataDir: mkdtempSync(path.join(tmpdir(), 'diwan-bench-')),
  memory: true,
  quiet: true,
  logDir: path.join(root, 'test-results', 'bench-logs'),
  ports: { engine: await freePort(), runtime: await freePort(), mongo: await freePort() },
});

/** SAMPLES calls, one after another, and for at least `minMs`. */
async function otherRoutes(token, minMs = 0) {
  const times = [];
  const until = Date.now() + minMs;
  for (let i = 0; i < SAMPLES || Date.now() < until; i++) {
    const started = performance.now();
    const path = i % 2 ? '/api/departments' : '/api/auth/me';
    const res = await fetch(`${stack.engineUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** CLIENTS loops that log in until `stop` is set; counts answers by status. */
function loginStorm(password) {
  const statuses = {};
  let stop = false;
  const clients = Array.from({ length: CLIENTS }, async (_, i) => {
    const username = ['admin', 'registrar', 'cabinet', 'head', 'agent', 'supervisor', 'president'][i % 7];
    while (!stop) {
      const res = await fetch(`${stack.engineUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 429) await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    statuses,
    async end() {
      stop = true;
      await Promise.all(clients);
    },
  };
}

const report = (phase, times, statuses) =>
  console.log(
    `${phase.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms  max ${Math.max(...times).toFixed(1).padStart(7)} ms${statuses ? `  logins ${JSON.stringify(statuses)}` : ''}`,
  );

try {
  const token = await loginToken(stack, 'admin');
  await otherRoutes(token); // warm up
  report('idle', await otherRoutes(token));
  for (const [phase, password] of [
    [`${CLIENTS} parallel logins (right password)`, DEMO_PASSWORD],
    [`${CLIENTS} parallel logins (guessing)`, 'wrong-password'],
  ]) {
    const storm = loginStorm(password);
    await new Promise((r) => setTimeout(r, 500));
    const times = await otherRoutes(token, 10_000);
    await storm.end();
    report(phase, times, storm.statuses);
  }
} finally {
  await stack.stop();
}
