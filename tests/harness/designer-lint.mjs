// Lints BPMN files with the modeler's own bpmnlint config (designer/src/features/modeler/lint.config.ts)
// on the moddle the modeler uses (BPMN + Camunda extensions), outside the browser.
// Usage: node tests/harness/designer-lint.mjs <file.bpmn>...  → prints JSON { [file]: ["<category> <rule> <id>: <message>", ...] }
// It runs in plain Node (not inside Jest), since bpmnlint is CommonJS requiring ESM-only packages;
// the TypeScript config is bundled with rolldown (already installed for the designer's Vite).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

// The bundle holds the config, Diwan's rules and bpmnlint's rules; only @diwan/contracts (built ESM) stays an import.
const outDir = path.join(root, 'node_modules/.cache/diwan-designer-lint');
mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `lint.config.${process.pid}.mjs`);
await build({
  input: path.join(root, 'designer/src/features/modeler/lint.config.ts'),
  external: ['@diwan/contracts'],
  platform: 'node',
  logLevel: 'silent',
  output: { file: outFile, format: 'esm' },
});
const { lintConfig } = await import(pathToFileURL(outFile).href);

const camunda = JSON.parse(readFileSync(require.resolve('camunda-bpmn-moddle/resources/camunda.json'), 'utf8'));
const results = {};
for (const file of process.argv.slice(2)) {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
  const linter = new bpmnlint.Linter(lintConfig);
  const reports = await linter.lint(rootElement);
  results[path.basename(file)] = [
    ...warnings.map((w) => `import-warning: ${w.message}`),
    ...Object.entries(reports).flatMap(([rule, list]) => list.map((r) => `${r.category} ${rule} ${r.id ?? ''}: ${r.message}`)),
  ];
}
process.stdout.write(JSON.stringify(results));
