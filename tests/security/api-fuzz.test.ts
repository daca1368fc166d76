import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { login, stack } from '../harness/stack.js';

/**
 * Schemathesis (PyPI) against the engine's OpenAPI document, as an admin: every operation gets
 * generated valid and invalid input (NUL bytes included), and none may answer with a 5xx.
 * Schemathesis is installed on first use into .venv/ at the repository's root (ignored by git).
 * `npm run test:api-fuzz` runs only this; API_FUZZ_EXAMPLES sets the examples per operation.
 *
 * Logout is left out (it would revoke the admin's token midway). Login is fuzzed with few
 * examples, so that its failures stay well under the per-address limit shared with other tests.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMATHESIS_VERSION = '4.32.5';
const venv = path.join(root, '.venv');
const schemathesis = path.join(venv, 'bin', 'schemathesis');
const EXAMPLES = process.env.API_FUZZ_EXAMPLES || '20';

/**
 * Runs a command without blocking the event loop: a long synchronous child (pip, schemathesis)
 * would leave this Jest worker's pooled HTTP sockets unread while the engine closes them, and the
 * next request (here or in the worker's next test file) would meet "other side closed".
 */
function exec(command: string, args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

async function ensureSchemathesis(): Promise<void> {
  const installed = await exec(schemathesis, ['--version']);
  if (installed.status === 0 && installed.stdout.includes(SCHEMATHESIS_VERSION)) return;
  if (!existsSync(path.join(venv, 'bin', 'python'))) await run('python3', ['-m', 'venv', venv]);
  await run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
}

async function run(command: string, args: string[]): Promise<void> {
  const result = await exec(command, args);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

interface FuzzRun {
  status: number | null;
  output: string;
  junit: string;
}

async function fuzz(token: string, reportName: string, filter: string[], examples: string): Promise<FuzzRun> {
  const reportDir = path.join(root, 'test-results', 'schemathesis');
  mkdirSync(reportDir, { recursive: true });
  const junitPath = path.join(reportDir, `${reportName}.xml`);
  const result = await exec(
    schemathesis,
    [
      'run', `${stack.engineUrl}/api/openapi.json`,
      '--url', stack.engineUrl,
      '--header', `Authorization: Bearer ${token}`,
      '--checks', 'not_a_server_error',
      '--max-examples', examples,
      '--generation-database', 'none',
      '--suppress-health-check', 'all',
      '--request-timeout', '30',
      // one worker: schemathesis's workers are threads, and CPython 3.11 (Debian 12's) builds ASTs
      // with a shared recursion counter, so hypothesis parsing lambdas in two threads at once failed
      // a run with "AST constructor recursion depth mismatch" (python/cpython#106905)
      '--workers', '1',
      '--no-color',
      '--report', 'junit', '--report-junit-path', junitPath,
      ...filter,
    ],
    // run in the report folder: schemathesis keeps its own cache (.schemathesis/) in its working directory
    { cwd: reportDir, timeout: 15 * 60_000 },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, junit: existsSync(junitPath) ? readFileSync(junitPath, 'utf8') : '' };
}

describe('schemathesis against the OpenAPI document', () => {
  it('finds no server error in any operation', async () => {
    await ensureSchemathesis();
    const { token } = await login('admin');

    // (the portal's and the tracking's public routes are limited per client address, and every test of
    // the run calls from 127.0.0.1: fuzzing them here would spend the budget the citizens' browser tests
    // need (a tracking page refused with 429 in the citizen journey); their hostile input has its own
    // tests, tests/scenarios/portal-abuse.test.ts, each from its own loopback address, and
    // tests/security/headers-and-input.test.ts;
    // and the standard letter templates and mail types are shared by the other tests of the run (the
    // portal offers the active incoming types): admins' changes to them are tested in
    // tests/scenarios/letters.test.ts and tests/e2e/mail-types-timeline.e2e.test.ts)
    const all = await fuzz(token, 'api', ['--exclude-path', '/api/auth/logout', '--exclude-path', '/api/auth/login', '--exclude-path-regex', '^/api/(public/(deposits|receipts|track)|letter-templates|mail-types|circuit-defaults)'], EXAMPLES);
    const loginOnly = await fuzz(token, 'login', ['--include-path', '/api/auth/login'], '5');

    for (const { status, output, junit } of [all, loginOnly]) {
      // then it tested something, and every test case passed the not_a_server_error check
      expect(output).toMatch(/\d+ generated, \d+ passed/);
      expect(junit).toMatch(/<testsuite/);
      const failures = [...output.matchAll(/Server error|5\d\d [A-Z][a-z]+ Error|Undocumented HTTP status code: 5\d\d/g)].map((m) => m[0]);
      expect({ failures, status, tail: status === 0 ? '' : output.slice(-4000) }).toEqual({ failures: [], status: 0, tail: '' });
    }
  }, 30 * 60_000);
});
