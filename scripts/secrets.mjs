// Secrets never live in the repo: they come from the environment, or are generated once
// per data folder and kept in <data>/secrets.json (mode 600).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = ['DIWAN_RUNTIME_PASSWORD', 'DIWAN_JWT_SECRET', 'DIWAN_BRIDGE_TOKEN', 'DIWAN_WORKER_TOKEN', 'DIWAN_AUDIT_KEY'];

export function loadSecrets(dataDir, env = process.env) {
  const file = path.join(dataDir, 'secrets.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const name of NAMES) {
    if (!stored[name]) {
      stored[name] = randomBytes(24).toString('base64url');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return Object.fromEntries(NAMES.map((name) => [name, env[name] || stored[name]]));
}
