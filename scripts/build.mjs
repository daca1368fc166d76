// Installs and builds whatever is missing or stale: npm packages, the Java runtime and
// MongoDB wire server (Maven), the TypeScript packages and the designer (Vite).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const jars = {
  runtime: path.join(root, 'engine/runtime/target/diwan-runtime.jar'),
  mongo: path.join(root, 'engine/mongo-server/target/diwan-mongo-server.jar'),
};

const log = (msg) => console.log(`[diwan] ${msg}`);

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'target' || entry === 'dist') continue;
    max = Math.max(max, newest(path.join(target, entry)));
  }
  return max;
}

/** True when an output is missing or older than one of its inputs. */
function stale(outputs, inputs) {
  const oldestOutput = Math.min(...outputs.map((o) => (existsSync(o) ? statSync(o).mtimeMs : 0)));
  return oldestOutput === 0 || inputs.some((i) => newest(path.join(root, i)) > oldestOutput);
}

function run(cmd, args) {
  log(`${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
}

function requireTool(cmd, args, hint) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
  } catch {
    throw new Error(`${cmd} was not found. ${hint}`);
  }
}

/**
 * `npm ci` refuses a lock file that lacks other platforms' optional binaries (@swc/core-darwin-*,
 * …), and a registry mirror that serves only this platform's leaves them out. `npm install` with the
 * lock file and --no-save installs the same locked versions and changes no file.
 */
export const npmInstallArgs = ['install', '--no-save', '--no-audit', '--no-fund'];

export function checkPrerequisites() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) throw new Error(`Node 20.19 or newer is needed (this is ${process.version}).`);
  requireTool('java', ['-version'], 'Install a JDK 17 or newer (e.g. `apt-get install openjdk-17-jdk-headless`).');
  requireTool('mvn', ['-v'], 'Install Maven 3.8 or newer (e.g. `apt-get install maven`).');
}

export function ensureBuilt() {
  checkPrerequisites();
  const lockMarker = path.join(root, 'node_modules/.package-lock.json');
  if (stale([lockMarker], ['package-lock.json'])) run('npm', npmInstallArgs);
  if (stale([jars.runtime, jars.mongo], ['engine/pom.xml', 'engine/runtime/pom.xml', 'engine/runtime/src', 'engine/mongo-server/pom.xml', 'engine/mongo-server/src'])) {
    run('mvn', ['-q', '-B', '-f', 'engine/pom.xml', '-DskipTests', 'package']);
    // Maven leaves a jar it found up to date untouched: mark both as built now, or every start
    // would run Maven again (half a minute) after an edit to the other module.
    const now = new Date();
    for (const jar of Object.values(jars)) utimesSync(jar, now, now);
  }
  const tsOutputs = ['contracts/dist/index.js', 'documents/dist/index.js', 'engine/dist/main.js', 'workers/dist/main.js', 'designer/dist/index.html'].map((p) => path.join(root, p));
  const tsInputs = ['contracts/src', 'documents/src', 'engine/src', 'workers/src', 'designer/src', 'designer/index.html', 'designer/vite.config.ts', 'tsconfig.base.json', 'package-lock.json'];
  if (stale(tsOutputs, tsInputs)) run('npx', ['lerna', 'run', 'build', '--loglevel', 'warn']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureBuilt();
  } catch (err) {
    console.error(`[diwan] ${err.message}`);
    process.exit(1);
  }
}
