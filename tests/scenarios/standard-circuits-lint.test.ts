import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The standard circuits pass the modeler's own checks: bpmnlint with the designer's config (the
 * recommended rules plus Diwan's) on the moddle the modeler uses, run by tests/harness/designer-lint.mjs.
 * Needs no stack: `DIWAN_TEST_STACK=off npm test -- tests/scenarios/standard-circuits-lint.test.ts`.
 */
const root = path.resolve(import.meta.dirname, '../..');
const processes = path.join(root, 'processes');
const circuits = readdirSync(processes)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();

function lint(files: string[]): Record<string, string[]> {
  const out = execFileSync(process.execPath, [path.join(root, 'tests/harness/designer-lint.mjs'), ...files.map((f) => path.join(processes, f))], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, string[]>;
}

describe('the standard circuits in the modeler', () => {
  it('are one circuit per direction, and the complaints circuit', () => {
    expect(circuits).toEqual(['citizen-complaint.bpmn', 'incoming-mail.bpmn', 'internal-mail.bpmn', 'outgoing-mail.bpmn']);
  });

  it('have no lint error and no warning', () => {
    // given the standard circuits, when the modeler's lint runs on them
    const results = lint(circuits);

    // then it reports nothing on any of them (import warnings included)
    expect(results).toEqual(Object.fromEntries(circuits.map((f) => [f, []])));
  });

  it('would report a broken circuit (the check can fail)', () => {
    // given a circuit whose user task has no assignee and whose start event has no name
    const results = lintXml(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="u"/>
    <bpmn:userTask id="u" name="U"/><bpmn:sequenceFlow id="g" sourceRef="u" targetRef="e"/>
    <bpmn:endEvent id="e" name="E"/>
  </bpmn:process>
</bpmn:definitions>`);

    // then the lint names both problems
    expect(results).toEqual(expect.arrayContaining([expect.stringMatching(/^error label-required s:/), expect.stringMatching(/^error diwan\/user-task-assignment u:/)]));
  });
});

function lintXml(xml: string): string[] {
  const dir = path.join(root, 'node_modules/.cache/diwan-designer-lint');
  const file = path.join(dir, `broken-${process.pid}.bpmn`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, xml);
  const out = execFileSync(process.execPath, [path.join(root, 'tests/harness/designer-lint.mjs'), file], { cwd: root, encoding: 'utf8' });
  return (JSON.parse(out) as Record<string, string[]>)[path.basename(file)] ?? [];
}
