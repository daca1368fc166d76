import { BadInputError } from '../shared/errors.js';
import type { Variables, VariableValue } from './runtime.types.js';

/** Plain JSON values to typed Camunda variables. Nested objects are refused: the runtime stores no JSON blobs. */
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
    default:
      throw new BadInputError(`Variable ${name} must be a string, number, boolean or null`);
  }
}
