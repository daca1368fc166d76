// Secrets never live in the repo: they come from the environment, or are generated once
// per data folder and kept in <data>/secrets.json (mode 600).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = ['DIWAN_RUNTIME_PASSWORD', 'DIWAN_JWT_SECRET', 'DIWAN_BRIDGE_TOKEN', 'DIWAN_WORKER_TOKEN', 'DIWAN_AUDIT_KEY', 'DIWAN_EXCHANGE_KEY'];

/** Random tokens, but for the exchange key: an Ed25519 private key (base64 PKCS#8 DER, one line). */
const generate = (name) =>
  name === 'DIWAN_EXCHANGE_KEY'
    ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')
    : randomBytes(24).toString('base64url');

export function loadSecrets(dataDir, env = process.env) {
  const file = path.join(dataDir, 'secrets.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const name of NAMES) {
    if (!stored[name]) {
      stored[name] = generate(name);
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return Object.fromEntries(NAMES.map((name) => [name, env[name] || stored[name]]));
}
