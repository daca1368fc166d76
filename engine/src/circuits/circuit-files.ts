import { KNOWN_TOPICS } from '@diwan/contracts';
import type { DeploymentFile } from '../runtime/runtime.types.js';
import { UnprocessableError } from '../shared/errors.js';
import { checkBpmn, type PolicyViolation } from './deployment-policy.js';
import { checkDmn } from './dmn-policy.js';
import { checkForm } from './form-policy.js';

/** The process id of a BPMN file (its first executable process), read without a DOM. */
export function processKeyOf(xml: string): string | null {
  const match = /<(?:[\w-]+:)?process\b[^>]*\bid="([^"]+)"/.exec(xml);
  return match?.[1] ?? null;
}

/** A `.form` file must be a form-js schema with an id: the formRef it is deployed under. */
export function formIdOf(file: string, json: string): string {
  return readForm(file, json).id;
}

function readForm(file: string, json: string): { id: string; schema: Record<string, unknown> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new UnprocessableError(`${file} is not valid JSON: ${(err as Error).message}`, { violations: [{ file, elementId: null, rule: 'form-json', message: (err as Error).message }] });
  }
  const id = (parsed as { id?: unknown }).id;
  if (typeof id !== 'string' || !id) {
    throw new UnprocessableError(`${file} has no form id`, { violations: [{ file, elementId: null, rule: 'form-id', message: 'A form needs an "id": the formRef that user tasks use' }] });
  }
  return { id, schema: parsed as Record<string, unknown> };
}

/**
 * Runs the deployment policy over every file of a deployment; refuses the whole deployment with
 * every violation (file, element, rule) when one breaks it.
 */
export function checkDeployment(files: DeploymentFile[], options: { allowCode?: boolean } = {}): void {
  const violations: PolicyViolation[] = [];
  for (const file of files) {
    const text = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
    if (file.name.endsWith('.bpmn')) violations.push(...checkBpmn(file.name, text, { knownTopics: KNOWN_TOPICS, allowCode: options.allowCode ?? false }));
    else if (file.name.endsWith('.dmn')) violations.push(...checkDmn(file.name, text));
    else if (file.name.endsWith('.form')) violations.push(...checkForm(file.name, readForm(file.name, text).schema));
    else throw new UnprocessableError(`${file.name}: only .bpmn, .dmn and .form files can be deployed`);
  }
  if (violations.length) {
    const first = violations[0]!;
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
    throw new UnprocessableError(`Deployment refused: ${first.message}${more}`, { violations });
  }
}
