// `npm test`: builds what is missing, then runs every test (unit, integration, browser) with Jest
// against the real services, which the Jest global setup starts and stops.
// `npm run test:faults` (`--faults`): only tests/faults, one file at a time; each starts a stack of its
// own on files and kills its parts, so the shared stack of the global setup is not started.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, root } from './build.mjs';

try {
  ensureBuilt();
} catch (err) {
  console.error(`[diwan] ${err.message}`);
  process.exit(1);
}
rmSync(path.join(root, 'test-results'), { recursive: true, force: true });
const jest = path.join(root, 'node_modules/jest/bin/jest.js');
const faults = process.argv.includes('--faults');
const args = faults ? ['tests/faults', '--runInBand', ...process.argv.slice(2).filter((a) => a !== '--faults')] : process.argv.slice(2);
const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: faults ? { ...process.env, DIWAN_TEST_STACK: 'off' } : process.env,
});
process.exit(result.status ?? 1);
