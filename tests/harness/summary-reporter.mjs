// Prints the closing line CI reads, from Jest's own results, and keeps it in test-results/summary.txt.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A suite that fails to load (or a failing global setup) counts as a failure, never as nothing.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    const dir = path.join(this.rootDir, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'summary.txt'), line + '\n');
    console.log(line);
  }
}
