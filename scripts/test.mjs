// `npm test`: builds what is missing, then runs every test (unit, integration, browser) with Jest
// against the real services, which the Jest global setup starts and stops.
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
const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
