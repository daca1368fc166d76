// Starts the whole stack as child processes: MongoDB wire server, runtime, engine, workers.
// Used by `npm start` and by the test harness, so both run the same thing.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { jars, root } from './build.mjs';
import { loadSecrets } from './secrets.mjs';

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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function httpOk(url, headers = {}) {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

class Child {
  constructor(name, cmd, args, env, output) {
    this.name = name;
    this.lines = [];
    this.exited = null;
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
      if (await check(this)) return;
      await sleep(250);
    }
    throw new Error(`${this.name} was not ready after ${timeoutMs / 1000}s:\n${this.lines.slice(-30).join('\n')}`);
  }

  printed(pattern) {
    return this.lines.some((l) => pattern.test(l));
  }

  async stop(timeoutMs = 15000) {
    if (this.exited) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    await this.exitPromise;
    clearTimeout(timer);
  }
}

/**
 * options: { dataDir, memory (no files), ports: {engine, runtime, mongo}, logDir, quiet, env }
 * MONGODB_URI or DIWAN_RUNTIME_URL in the environment point at external services instead.
 * The returned stack can stop and start one part again (`restart(name)`), for fault tests.
 */
export async function startStack(options) {
  const { dataDir, memory = false, logDir } = options;
  const env = options.env ?? process.env;
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadSecrets(dataDir, env);
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

  const external = { mongo: Boolean(env.MONGODB_URI), runtime: Boolean(env.DIWAN_RUNTIME_URL) };
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
      args: ['-Xmx512m', '-jar', jars.mongo, '--port', String(ports.mongo), ...(memory ? ['--memory'] : ['--data', path.join(dataDir, 'mongo')])],
      env: {},
      ready: (c) => c.printed(/diwan-mongo-server listening/),
      timeoutMs: 60_000,
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
        DIWAN_AUDIT_ANCHOR_FILE: path.join(dataDir, 'audit-anchors.jsonl'),
        ...options.engineEnv,
      },
      ready: () => httpOk(`${engineUrl}/api/health`),
      timeoutMs: 180_000,
    },
    {
      name: 'workers',
      cmd: process.execPath,
      args: ['workers/dist/main.js'],
      env: { ...shared, DIWAN_ENGINE_URL: engineUrl, ...options.workersEnv },
      ready: (c) => c.printed(/workers polling/),
      timeoutMs: 30_000,
    },
  ].filter(Boolean);

  const children = new Map();
  const spawnPart = (spec) => {
    const child = new Child(spec.name, spec.cmd, spec.args, spec.env, output);
    children.set(spec.name, child);
    return child;
  };
  const stopAll = async () => {
    for (const child of [...children.values()].reverse()) await child.stop();
  };

  try {
    await assertPortFree(ports.engine, 'engine');
    if (!external.mongo) await assertPortFree(ports.mongo, 'MongoDB wire server');
    if (!external.runtime) await assertPortFree(ports.runtime, 'runtime');
    // Everything starts at once; the engine and workers cope with a runtime that comes later.
    for (const spec of specs) spawnPart(spec);
    for (const spec of specs) await children.get(spec.name).waitUntil(spec.ready, spec.timeoutMs);
  } catch (err) {
    await stopAll();
    throw err;
  }

  return {
    engineUrl,
    runtimeUrl,
    runtimeUser,
    runtimePassword: secrets.DIWAN_RUNTIME_PASSWORD,
    mongoUri,
    secrets,
    get children() {
      return Object.fromEntries(children);
    },
    /** Stops one part (SIGTERM, or SIGKILL with `{ kill: true }`). */
    async stopPart(name, { kill = false } = {}) {
      const child = children.get(name);
      if (kill) child.proc.kill('SIGKILL');
      await child.stop();
    },
    /** Starts a stopped part again and waits until it is ready. */
    async startPart(name) {
      const spec = specs.find((s) => s.name === name);
      await spawnPart(spec).waitUntil(spec.ready, spec.timeoutMs);
    },
    async stop() {
      await stopAll();
      for (const stream of logs.values()) stream.end();
    },
  };
}
