// Starts the real stack for the whole test run, on free ports, in memory (H2 in memory,
// MongoDB wire server in memory). MONGODB_URI or DIWAN_RUNTIME_URL point it at external ones.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../../scripts/build.mjs';
import { startStackOnFreePorts } from '../../scripts/stack.mjs';

export default async function globalSetup() {
  // For quick runs of pure unit tests: DIWAN_TEST_STACK=off npm test -- <path>
  if (process.env.DIWAN_TEST_STACK === 'off') return;
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'diwan-test-'));
  const fixed = Number(process.env.DIWAN_TEST_ENGINE_PORT) ? { engine: Number(process.env.DIWAN_TEST_ENGINE_PORT) } : {};
  const stack = await startStackOnFreePorts(
    {
      dataDir,
      memory: true,
      quiet: true,
      logDir: path.join(root, 'test-results', 'logs'),
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'info' },
    },
    fixed,
  );
  globalThis.__diwanStack = stack;
  Object.assign(process.env, {
    DIWAN_TEST_ENGINE_URL: stack.engineUrl,
    DIWAN_TEST_RUNTIME_URL: stack.runtimeUrl,
    DIWAN_TEST_RUNTIME_USER: stack.runtimeUser,
    DIWAN_TEST_RUNTIME_PASSWORD: stack.runtimePassword,
    DIWAN_TEST_MONGODB_URI: stack.mongoUri,
    DIWAN_TEST_BRIDGE_TOKEN: stack.secrets.DIWAN_BRIDGE_TOKEN,
    DIWAN_TEST_WORKER_TOKEN: stack.secrets.DIWAN_WORKER_TOKEN,
    // the local SMTP server's folder: each e-mail the workers send is a .eml file there
    DIWAN_TEST_SMTP_DIR: stack.smtpDir ?? '',
    DIWAN_TEST_SMTP_URL: stack.smtpUrl,
    // the local SMPP server's folder: each SMS the engine sends is a .json file there
    DIWAN_TEST_SMPP_DIR: stack.smppDir ?? '',
    DIWAN_TEST_SMPP_URL: stack.smppUrl,
    // for the security tests: tokens that expire in seconds, and forged ones
    DIWAN_TEST_JWT_SECRET: stack.secrets.DIWAN_JWT_SECRET,
  });
  console.log(`\n[diwan] stack up in ${((Date.now() - started) / 1000).toFixed(1)} s at ${stack.engineUrl}`);
}
