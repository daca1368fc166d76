import { BadInputError } from '../shared/errors.js';
import type { Variables, VariableValue } from './runtime.types.js';

/** A JSON variable (a list of departments, a small record) may take this many characters at most. */
export const MAX_JSON_VARIABLE_CHARS = 64 * 1024;
const MAX_DEPTH = 8;

/**
 * Plain JSON values to typed Camunda variables. Arrays and plain objects become Spin `Json`
 * variables (the runtime has the Spin plugin), so BPMN expressions can read them, e.g.
 * `${forAction.elements()}`. Anything else (functions, dates, class instances…) is refused.
 */
export function toVariables(values: Record<string, unknown>): Variables {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, toVariable(name, value)]));
}

function toVariable(name: string, value: unknown): VariableValue {
  if (value === null) return { value: null, type: 'Null' };
  switch (typeof value) {
    case 'string':
      return { value, type: 'String' };
    case 'boolean':
      return { value, type: 'Boolean' };
    case 'number':
      if (!Number.isFinite(value)) throw new BadInputError(`Variable ${name} is not a finite number`);
      return Number.isSafeInteger(value) ? { value, type: 'Long' } : { value, type: 'Double' };
    case 'object': {
      assertPlainJson(name, value, 0);
      const json = JSON.stringify(value);
      if (json.length > MAX_JSON_VARIABLE_CHARS) {
        throw new BadInputError(`Variable ${name} is too large (${json.length} characters; at most ${MAX_JSON_VARIABLE_CHARS})`);
      }
      return { value: json, type: 'Json' };
    }
    default:
      throw new BadInputError(`Variable ${name} must be a string, number, boolean, null, list or plain object`);
  }
}

/** Only what JSON round-trips unchanged: plain objects, arrays, strings, finite numbers, booleans, null. */
function assertPlainJson(name: string, value: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new BadInputError(`Variable ${name} is nested too deeply (at most ${MAX_DEPTH} levels)`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BadInputError(`Variable ${name} holds a number that is not finite`);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) assertPlainJson(name, item, depth + 1);
    return;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    for (const item of Object.values(value)) assertPlainJson(name, item, depth + 1);
    return;
  }
  throw new BadInputError(`Variable ${name} holds a value that is not plain JSON (${describe(value)})`);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

/** Camunda typed variables (as GET …/variables serves them) back to plain values; Json is parsed. */
export function fromVariables(variables: Record<string, { type: string; value: unknown }>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(variables)) {
    if (v.type === 'Json' && typeof v.value === 'string') {
      try {
        out[name] = JSON.parse(v.value);
      } catch {
        out[name] = v.value;
      }
    } else if (v.type === 'Object' || v.type === 'File' || v.type === 'Bytes') {
      continue; // never served to a form: opaque or binary
    } else out[name] = v.value;
  }
  return out;
}
