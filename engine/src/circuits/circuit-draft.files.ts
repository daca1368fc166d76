import { DECISION_FILE_PATTERN } from '@diwan/contracts';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { DeploymentFile } from '../runtime/runtime.types.js';
import { UnprocessableError } from '../shared/errors.js';
import type { CircuitDecision, CircuitDraft, CircuitForm } from './circuit-draft.model.js';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
/** DMN 1.1, 1.2 and 1.3: what the Camunda 7 line (Operaton) reads. */
const DMN = new Set(['https://www.omg.org/spec/DMN/20191111/MODEL/', 'http://www.omg.org/spec/DMN/20180521/MODEL/', 'http://www.omg.org/spec/DMN/20151101/dmn.xsd']);

/** What a draft deploys: its BPMN, its forms and its decisions (a version's or the working copy's). */
export interface DraftSource {
  xml: string;
  forms: CircuitForm[];
  decisions?: CircuitDecision[] | undefined;
}

/**
 * The circuit of a BPMN file: its executable process (an absent `isExecutable` counts as
 * executable, as the runtime reads it). A draft holds exactly one.
 */
export function executableProcessKeyOf(xml: string): string {
  const processes: { id: string | undefined; executable: boolean }[] = [];
  scan('the BPMN file', xml, (tag) => {
    if (tag.uri === BPMN && tag.local === 'process') processes.push({ id: attr(tag, 'id'), executable: attr(tag, 'isExecutable') !== 'false' });
  });
  const executable = processes.filter((p) => p.executable && p.id).map((p) => p.id!);
  if (executable.length === 0) throw new UnprocessableError('The BPMN file has no executable process with an id');
  if (executable.length > 1) throw new UnprocessableError(`A circuit has one executable process; this file has ${executable.length}: ${executable.join(', ')}`);
  return executable[0]!;
}

/** The decisions a DMN file declares (id and name); refuses what is not a DMN file. */
export function decisionsOf(file: string, xml: string): { id: string; name: string | null }[] {
  const decisions: { id: string; name: string | null }[] = [];
  let root: SaxesTagNS | null = null;
  scan(file, xml, (tag, depth) => {
    if (depth === 0) root = tag;
    if (depth === 1 && DMN.has(tag.uri) && tag.local === 'decision') {
      const id = attr(tag, 'id');
      if (!id) throw new UnprocessableError(`${file}: a decision has no id`);
      decisions.push({ id, name: attr(tag, 'name') ?? null });
    }
  });
  const top = root as SaxesTagNS | null;
  if (!top || !DMN.has(top.uri) || top.local !== 'definitions') throw new UnprocessableError(`${file} is not a DMN file (DMN 1.1 to 1.3)`);
  return decisions;
}

/** A draft's decision files: valid names, each a DMN file, no name and no decision id twice. */
export function checkDecisionFiles(decisions: CircuitDecision[]): void {
  const files = new Set<string>();
  const ids = new Map<string, string>();
  for (const { file, xml } of decisions) {
    if (!DECISION_FILE_PATTERN.test(file)) throw new UnprocessableError(`"${file}" is not a valid decision file name (letters, digits, _ and -)`);
    if (files.has(file)) throw new UnprocessableError(`Two decision files are called "${file}"`);
    files.add(file);
    for (const { id } of decisionsOf(`${file}.dmn`, xml)) {
      const other = ids.get(id);
      if (other) throw new UnprocessableError(`The decision "${id}" is in both ${other}.dmn and ${file}.dmn`);
      ids.set(id, file);
    }
  }
}

/** A file name for a deployed DMN resource (`some/path/Triage Rules.dmn` → `Triage-Rules`). */
export function decisionFileOf(resourceName: string): string {
  const base = resourceName.split('/').pop()!.replace(/\.dmn(11\.xml)?$/i, '');
  const cleaned = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+/, '').slice(0, 100);
  return cleaned || 'decision';
}

/** The deployment of a draft: `<processKey>.bpmn`, `<formId>.form` and `<file>.dmn` files. */
export function draftFiles(processKey: string, source: DraftSource): DeploymentFile[] {
  return [
    { name: `${processKey}.bpmn`, content: source.xml },
    ...source.forms.map((f) => ({ name: `${f.formId}.form`, content: f.schema })),
    ...(source.decisions ?? []).map((d) => ({ name: `${d.file}.dmn`, content: d.xml })),
  ];
}

/** A stored draft as the API returns it: documents saved before decisions existed have none. */
export function withDecisions<T extends Pick<CircuitDraft, 'versions'> & { decisions?: CircuitDecision[] | undefined }>(draft: T): T & { decisions: CircuitDecision[] } {
  return { ...draft, decisions: draft.decisions ?? [], versions: draft.versions.map((v) => ({ ...v, decisions: v.decisions ?? [] })) };
}

/** Calls `onTag` for each element with its depth; no DTD is ever read (a DOCTYPE is refused). */
function scan(file: string, xml: string, onTag: (tag: SaxesTagNS, depth: number) => void): void {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  parser.on('doctype', () => {
    throw new UnprocessableError(`${file}: a DOCTYPE is not accepted`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    onTag(tag, depth);
    depth += 1;
  });
  // (saxes closes self-closing tags too)
  parser.on('closetag', () => {
    depth -= 1;
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof UnprocessableError) throw err;
    throw new UnprocessableError(`${file} is not well-formed XML: ${(err as Error).message}`);
  }
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === local && a.uri === '')?.value;
}
