// `npm test`: builds what is missing, then runs every test (unit, integration, browser) with Jest
// against the real services, which the Jest global setup starts and stops.
// `npm run test:faults` (`--faults`): only tests/faults, one file at a time; each starts a stack of its
// own on files and kills its parts, so the shared stack of the global setup is not started.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, root } from './build.mjs';

/**
 * The programs the tests read their results with, and the Debian package of each: the browser, and
 * poppler's tools, the independent reader of every PDF (signatures, text, fonts, pictures).
 */
const TOOLS = [
  [process.env.CHROMIUM_PATH || 'chromium', 'chromium fonts-noto-core'],
  ['pdfsig', 'poppler-utils'],
  ['pdftoppm', 'poppler-utils'],
  ['pdftotext', 'poppler-utils'],
  ['pdffonts', 'poppler-utils'],
  ['pdfinfo', 'poppler-utils'],
  ['openssl', 'openssl'],
];
const runnable = (name) =>
  (name.includes('/') ? [name] : (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name))).some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const missing = TOOLS.filter(([name]) => !runnable(name));
if (missing.length) {
  const packages = [...new Set(missing.flatMap(([, debian]) => debian.split(' ')))].join(' ');
  const message = `the tests need ${missing.map(([name]) => name).join(', ')} (Debian: apt-get install ${packages})`;
  // the whole run would fail on them in many files; a run of chosen files may not need them
  if (process.argv.length <= 2) {
    console.error(`[diwan] ${message}`);
    process.exit(1);
  }
  console.warn(`[diwan] warning: ${message}`);
}

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
