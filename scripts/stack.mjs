// Starts the whole stack as child processes: MongoDB wire server, runtime, engine, workers.
// Used by `npm start` and by the test harness, so both run the same thing.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import { setPriority } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { jars, root } from './build.mjs';
import { loadSecrets } from './secrets.mjs';
import { ensureSeal } from './seal.mjs';

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function assertPortFree(port, what) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () => reject(new Error(`Port ${port} (${what}) is already in use. Stop what uses it, or set another port.`)));
    server.listen(port, '127.0.0.1', () => server.close(resolve));
  });
}

const sleep = (ms) => delay(ms);

async function httpOk(url, headers = {}) {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The nice value `npm start` and the benchmarks give the background parts (`DIWAN_BACKGROUND_NICE`, 0 for none). */
export const BACKGROUND_NICE = Number(process.env.DIWAN_BACKGROUND_NICE ?? 10);

function lowerPriority(pid, nice) {
  try {
    setPriority(pid, nice);
  } catch {
    // not allowed here (some containers): the part runs at the usual priority
  }
}

/** Back-off of the supervisor: 1 s, 2 s, 4 s … 30 s; back to 1 s after a minute of good health. */
export const RESTART = { firstDelayMs: 1_000, maxDelayMs: 30_000, healthyAfterMs: 60_000 };
/** How long a part may take to stop on SIGTERM before it is killed. */
export const STOP_LIMIT_MS = 15_000;

class Child {
  constructor(name, cmd, args, env, output) {
    this.name = name;
    this.lines = [];
    this.exited = null;
    this.readyAt = null;
    this.proc = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        this.lines.push(line);
        if (this.lines.length > 200) this.lines.shift();
        output(name, line);
      }
    };
    this.proc.stdout.on('data', onData);
    this.proc.stderr.on('data', onData);
    this.exitPromise = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve((this.exited = { code, signal }))));
  }

  async waitUntil(check, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`${this.name} exited (${JSON.stringify(this.exited)}) before it was ready:\n${this.lines.slice(-30).join('\n')}`);
      if (await check(this)) {
        this.readyAt = Date.now();
        return;
      }
      await sleep(250);
    }
    throw new Error(`${this.name} was not ready after ${timeoutMs / 1000}s:\n${this.lines.slice(-30).join('\n')}`);
  }

  printed(pattern) {
    return this.lines.some((l) => pattern.test(l));
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves with the time it took and whether it had to be killed. */
  async stop(timeoutMs = STOP_LIMIT_MS) {
    if (this.exited) return { ms: 0, killed: false };
    const started = Date.now();
    let killed = false;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => {
      killed = true;
      this.proc.kill('SIGKILL');
    }, timeoutMs);
    await this.exitPromise;
    clearTimeout(timer);
    return { ms: Date.now() - started, killed };
  }
}

/**
 * `startStack` on ports the system hands out, started again on others when one was taken between
 * the look and the bind (a busy machine's outgoing connections use the same range): up to three
 * tries. `fixedPorts` are kept as given.
 */
export async function startStackOnFreePorts(options, fixedPorts = {}) {
  for (let attempt = 1; ; attempt += 1) {
    const ports = { engine: await freePort(), runtime: await freePort(), mongo: await freePort(), smtp: await freePort(), smpp: await freePort(), ...fixedPorts };
    try {
      return await startStack({ ...options, ports });
    } catch (err) {
      if (attempt >= 3 || !/already in use|EADDRINUSE|is taken/i.test(String(err?.message))) throw err;
    }
  }
}

/** The local wire server's heap (`DIWAN_MONGO_HEAP`, a Java size such as 512m or 4g; 512m by default). */
function wireServerHeap(env) {
  const heap = env.DIWAN_MONGO_HEAP || '512m';
  if (!/^[1-9]\d*[mg]$/i.test(heap)) throw new Error(`DIWAN_MONGO_HEAP must be a size such as 512m or 4g, not ${heap}`);
  return heap;
}

/**
 * options: { dataDir, memory (no files), ports: {engine, runtime, mongo, smtp?, smpp?}, logDir, quiet, env,
 *            supervise (restart a part that dies, with back-off), onNotice (the launcher's own messages),
 *            backgroundNice (the nice value of the background parts: the runtime and the workers) }
 * MONGODB_URI or DIWAN_RUNTIME_URL in the environment point at external services instead.
 * The returned stack can stop and start one part again (`stopPart`, `startPart`), or kill one with
 * SIGKILL and let the supervisor bring it back on the same ports and data (`killPart`), for fault tests.
 */
export async function startStack(options) {
  const { dataDir, memory = false, logDir } = options;
  const env = options.env ?? process.env;
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadSecrets(dataDir, env);
  // The administration's seal (registration stamps, sealed signatures): the environment's, else a demo one in <data>/seal.
  const seal = ensureSeal(dataDir, env, (m) => (options.quiet ? undefined : console.log(`[diwan] ${m}`)));
  const ports = options.ports;
  const logs = new Map();
  const output = (name, line) => {
    if (logDir) {
      if (!logs.has(name)) {
        mkdirSync(logDir, { recursive: true });
        logs.set(name, createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' }));
      }
      logs.get(name).write(line + '\n');
    }
    if (!options.quiet) console.log(`${name.padEnd(8)}| ${line}`);
  };
  /** The launcher's own messages (restarts, slow stops): to `onNotice` (default the console) and launcher.log. */
  const notice = (message) => {
    output('launcher', `${new Date().toISOString()} ${message}`);
    (options.onNotice ?? ((m) => console.log(`[diwan] ${m}`)))(message);
  };

  const external = { mongo: Boolean(env.MONGODB_URI), runtime: Boolean(env.DIWAN_RUNTIME_URL), smtp: Boolean(env.DIWAN_SMTP_URL), smpp: Boolean(env.DIWAN_SMPP_URL) || env.DIWAN_SMS_TRANSPORT === 'http' };
  // The local SMTP server keeps what the workers send as .eml files in <data>/smtp (DIWAN_SMTP_URL: a real relay instead).
  const smtpPort = external.smtp ? null : (ports.smtp ?? (await freePort()));
  const smtpDir = external.smtp ? null : path.join(dataDir, 'smtp');
  const smtpUrl = env.DIWAN_SMTP_URL || `smtp://127.0.0.1:${smtpPort}`;
  // The local SMPP server (SMS centre) keeps each SMS as a .json file in <data>/smpp and sends delivery receipts (DIWAN_SMPP_URL: a real one).
  const smppPort = external.smpp ? null : (ports.smpp ?? (await freePort()));
  const smppDir = external.smpp ? null : path.join(dataDir, 'smpp');
  const smppUrl = env.DIWAN_SMPP_URL || (smppPort ? `smpp://diwan:diwan@127.0.0.1:${smppPort}` : '');
  const mailFrom = env.DIWAN_MAIL_FROM || "Bureau d'ordre <bureau-ordre@diwan.localhost>";
  const engineUrl = `http://localhost:${ports.engine}`;
  const runtimeUser = env.DIWAN_RUNTIME_USER || 'diwan';
  const runtimeUrl = env.DIWAN_RUNTIME_URL || `http://localhost:${ports.runtime}/engine-rest`;
  const mongoUri = env.MONGODB_URI || `mongodb://127.0.0.1:${ports.mongo}/diwan`;
  const shared = {
    DIWAN_RUNTIME_URL: runtimeUrl,
    DIWAN_RUNTIME_USER: runtimeUser,
    DIWAN_RUNTIME_PASSWORD: secrets.DIWAN_RUNTIME_PASSWORD,
    DIWAN_WORKER_TOKEN: secrets.DIWAN_WORKER_TOKEN,
    LOG_LEVEL: env.LOG_LEVEL || 'info',
  };

  /** What each part runs and how we know it is ready, in start order. */
  const specs = [
    !external.mongo && {
      name: 'mongo',
      cmd: 'java',
      // The quick compiler only, as the runtime: the optimizing one's own work was a quarter of the
      // wire server's CPU through a registration (`npm run bench:cost`, 4 rounds × 150 mails: 17.0 →
      // 12.7 ms a mail; 2 rounds: 22.5 → 14.2 ms), and it competes with the other parts for the cores.
      args: [`-Xmx${wireServerHeap(env)}`, '-XX:TieredStopAtLevel=1', '-jar', jars.mongo, '--port', String(ports.mongo), ...(memory ? ['--memory'] : ['--data', path.join(dataDir, 'mongo')])],
      env: {},
      ready: (c) => c.printed(/diwan-mongo-server listening/),
      timeoutMs: 60_000,
    },
    !external.smtp && {
      name: 'smtp',
      cmd: process.execPath,
      args: ['scripts/smtp-server.mjs', '--port', String(smtpPort), '--dir', smtpDir],
      env: {},
      ready: (c) => c.printed(/diwan-smtp listening/),
      timeoutMs: 30_000,
    },
    !external.smpp && {
      name: 'smpp',
      cmd: process.execPath,
      args: ['scripts/smpp-server.mjs', '--port', String(smppPort), '--dir', smppDir],
      env: {},
      ready: (c) => c.printed(/diwan-smpp listening/),
      timeoutMs: 30_000,
    },
    !external.runtime && {
      name: 'runtime',
      cmd: 'java',
      args: ['-Xmx1g', '-XX:TieredStopAtLevel=1', '-jar', jars.runtime],
      env: {
        SERVER_PORT: String(ports.runtime),
        DIWAN_DATA_DIR: dataDir,
        DIWAN_RUNTIME_USER: runtimeUser,
        DIWAN_RUNTIME_PASSWORD: secrets.DIWAN_RUNTIME_PASSWORD,
        DIWAN_ENGINE_URL: engineUrl,
        DIWAN_BRIDGE_TOKEN: secrets.DIWAN_BRIDGE_TOKEN,
        ...(memory ? { SPRING_DATASOURCE_URL: `jdbc:h2:mem:diwan-${ports.runtime};DB_CLOSE_DELAY=-1` } : {}),
      },
      ready: () => httpOk(`http://localhost:${ports.runtime}/actuator/health`),
      timeoutMs: 180_000,
      // A circuit's next step is background work too: on a shared machine the engine's answers (a
      // registration's number) come first. Measured on two cores: during a burst the engine's event
      // loop was busy 92% of the time but had a core only 60% of it; with the runtime at nice 10,
      // bursts of 200 registrations were acknowledged at 98–109/s instead of 70–82/s, `npm run bench`
      // (3 runs each, rounds of 100) at 59–74/s instead of 49–61/s, and mails reached the triage task
      // no later (through ratio 0.35–0.41 against 0.36–0.40).
      priority: options.backgroundNice ?? 0,
    },
    {
      name: 'engine',
      cmd: process.execPath,
      args: ['engine/dist/main.js'],
      env: {
        ...shared,
        PORT: String(ports.engine),
        MONGODB_URI: mongoUri,
        DIWAN_JWT_SECRET: secrets.DIWAN_JWT_SECRET,
        DIWAN_BRIDGE_TOKEN: secrets.DIWAN_BRIDGE_TOKEN,
        DIWAN_AUDIT_KEY: secrets.DIWAN_AUDIT_KEY,
        DIWAN_EXCHANGE_KEY: secrets.DIWAN_EXCHANGE_KEY,
        DIWAN_AUDIT_ANCHOR_FILE: path.join(dataDir, 'audit-anchors.jsonl'),
        // Notifications: e-mail through the same SMTP relay as the workers, SMS through the SMS centre.
        DIWAN_SMTP_URL: smtpUrl,
        DIWAN_MAIL_FROM: mailFrom,
        ...(smppUrl ? { DIWAN_SMPP_URL: smppUrl } : {}),
        DIWAN_DEADLINE_EMAIL: env.DIWAN_DEADLINE_EMAIL ?? (external.smtp ? '' : 'supervision@diwan.localhost'),
        ...seal,
        ...options.engineEnv,
      },
      ready: () => httpOk(`${engineUrl}/api/health`),
      timeoutMs: 180_000,
    },
    {
      name: 'workers',
      cmd: process.execPath,
      args: ['workers/dist/main.js'],
      env: { ...shared, DIWAN_ENGINE_URL: engineUrl, DIWAN_SMTP_URL: smtpUrl, DIWAN_MAIL_FROM: env.DIWAN_MAIL_FROM || "Bureau d'ordre <bureau-ordre@diwan.localhost>", ...options.workersEnv },
      ready: (c) => c.printed(/workers polling/),
      timeoutMs: 30_000,
      // Background work (receipts, notifications, dispatch) yields the cores to the answers people
      // wait for (a registration's 201, an inbox): measured on two cores, registrations went from
      // 13–17/s to 26–33/s and mails reached the inbox no later. Not in the tests (`backgroundNice`
      // unset): a full run saturates the machine, and its waits are written for parts of equal rank.
      priority: options.backgroundNice ?? 0,
    },
  ].filter(Boolean);

  const children = new Map();
  /** Parts stopped on purpose, which the supervisor leaves alone until `startPart`. */
  const stoppedOnPurpose = new Set();
  const nextDelay = new Map();
  /** Every supervised restart: { name, exit, delayMs, crashedAt, readyAt }. */
  const restarts = [];
  let supervising = false;
  const stopping = new AbortController();

  const spawnPart = (spec) => {
    const child = new Child(spec.name, spec.cmd, spec.args, spec.env, output);
    if (spec.priority) lowerPriority(child.proc.pid, spec.priority);
    children.set(spec.name, child);
    void child.exitPromise.then((exit) => onExit(spec, child, exit));
    return child;
  };

  /** The supervisor: a part that dies unasked is started again after 1 s, 2 s, 4 s … 30 s. */
  const onExit = async (spec, child, exit) => {
    if (!supervising || stopping.signal.aborted || stoppedOnPurpose.has(spec.name) || children.get(spec.name) !== child) return;
    const healthy = child.readyAt !== null && Date.now() - child.readyAt >= RESTART.healthyAfterMs;
    const delayMs = healthy ? RESTART.firstDelayMs : (nextDelay.get(spec.name) ?? RESTART.firstDelayMs);
    nextDelay.set(spec.name, Math.min(delayMs * 2, RESTART.maxDelayMs));
    const restart = { name: spec.name, exit, delayMs, crashedAt: Date.now(), readyAt: null };
    restarts.push(restart);
    const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    notice(`${spec.name} died (${how}); restarting it in ${delayMs / 1000} s. Its last lines:\n${child.lines.slice(-10).map((l) => `    ${l}`).join('\n')}`);
    try {
      await delay(delayMs, undefined, { signal: stopping.signal });
    } catch {
      return; // the stack is stopping
    }
    if (stoppedOnPurpose.has(spec.name) || children.get(spec.name) !== child) return;
    const next = spawnPart(spec);
    // No time limit here: a part that waits for another (the engine for its database) is ready when it is.
    while (!next.exited && !stopping.signal.aborted) {
      if (await spec.ready(next)) {
        next.readyAt = restart.readyAt = Date.now();
        notice(`${spec.name} is back (${((restart.readyAt - restart.crashedAt) / 1000).toFixed(1)} s after it died)`);
        return;
      }
      await sleep(250);
    }
  };

  const stopChild = async (child) => {
    const { ms, killed } = await child.stop();
    if (killed) notice(`${child.name} did not stop within ${STOP_LIMIT_MS / 1000} s of SIGTERM: killed`);
    return ms;
  };
  const stopAll = async () => {
    stopping.abort();
    for (const child of [...children.values()].reverse()) await stopChild(child);
  };

  try {
    await assertPortFree(ports.engine, 'engine');
    if (!external.mongo) await assertPortFree(ports.mongo, 'MongoDB wire server');
    if (!external.runtime) await assertPortFree(ports.runtime, 'runtime');
    if (!external.smtp) await assertPortFree(smtpPort, 'local SMTP server');
    if (!external.smpp) await assertPortFree(smppPort, 'local SMPP server');
    // Everything starts at once; the engine and workers cope with a runtime that comes later.
    for (const spec of specs) spawnPart(spec);
    for (const spec of specs) await children.get(spec.name).waitUntil(spec.ready, spec.timeoutMs);
  } catch (err) {
    await stopAll();
    throw err;
  }
  supervising = Boolean(options.supervise);

  return {
    engineUrl,
    runtimeUrl,
    runtimeUser,
    runtimePassword: secrets.DIWAN_RUNTIME_PASSWORD,
    mongoUri,
    secrets,
    /** Where e-mails go, and the folder the local SMTP server keeps them in (null with an outside relay). */
    smtpUrl,
    smtpDir,
    /** Where SMS go (smpp://…; empty with an HTTP gateway), and the folder the local SMPP server keeps them in (null with an outside one). */
    smppUrl,
    smppDir,
    get children() {
      return Object.fromEntries(children);
    },
    restarts,
    /** Stops one part on purpose (SIGTERM, or SIGKILL with `{ kill: true }`); resolves with the ms it took. */
    async stopPart(name, { kill = false } = {}) {
      stoppedOnPurpose.add(name);
      const child = children.get(name);
      if (kill) child.proc.kill('SIGKILL');
      return stopChild(child);
    },
    /** Starts a stopped part again, on the same ports and data, and waits until it is ready. */
    async startPart(name) {
      const spec = specs.find((s) => s.name === name);
      stoppedOnPurpose.delete(name);
      await spawnPart(spec).waitUntil(spec.ready, spec.timeoutMs);
    },
    /**
     * `kill -9` of one part, as a crash: the supervisor (`supervise: true`) starts it again. Resolves
     * once the new process is ready, with the restart record.
     */
    async killPart(name, { timeoutMs = 240_000 } = {}) {
      if (!supervising) throw new Error('killPart needs a supervised stack (supervise: true)');
      const child = children.get(name);
      const before = restarts.length;
      child.proc.kill('SIGKILL');
      await child.exitPromise;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const restart = restarts.slice(before).find((r) => r.name === name && r.readyAt);
        if (restart) return restart;
        await sleep(250);
      }
      throw new Error(`${name} was not back ${timeoutMs / 1000} s after kill -9:\n${children.get(name).lines.slice(-30).join('\n')}`);
    },
    async stop() {
      await stopAll();
      for (const stream of logs.values()) stream.end();
    },
  };
}
