import { evaluate } from '@bpmn-io/feelin';
import { BadInputError } from '../shared/errors.js';
import type { FormField } from './form-schema.js';

type Problem = { field: string; message: string };

/** The values a choice field accepts, when they are known (null: any). */
export type OptionsOf = (field: FormField) => Set<string> | null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The task's form is the contract of its completion: every variable must be a field the form
 * declares and the user may fill (shown by its condition), of the field's type, within its rules
 * and options; required fields that are shown must be there. Answers only the declared fields; anything else is a 400 naming the field.
 * A task without a form takes no variables.
 */
export function checkCompletion(fields: FormField[] | null, variables: Record<string, unknown>, optionsOf: OptionsOf, current: Record<string, unknown> = {}): Record<string, unknown> {
  const problems: Problem[] = [];
  const byKey = new Map((fields ?? []).map((f) => [f.key, f]));
  const accepted: Record<string, unknown> = {};
  // what the form's conditions read: the step's variables as they are, with this completion's values
  const data = { ...current, ...variables };
  for (const [key, value] of Object.entries(variables)) {
    const field = byKey.get(key);
    if (!field) {
      problems.push({ field: key, message: fields ? 'is not a field of this form' : 'this step has no form and takes no data' });
      continue;
    }
    if (field.readOnly) continue; // shown to the user, never taken from them
    // a field its condition hides takes nothing (form-js does not submit it either)
    if (isHidden(field, data)) {
      if (!isEmpty(value)) problems.push({ field: key, message: 'is hidden by the form for these answers and takes no value' });
      continue;
    }
    const problem = isEmpty(value) ? null : checkValue(field, value, optionsOf);
    if (problem) problems.push({ field: key, message: problem });
    else accepted[key] = value;
  }
  for (const field of byKey.values()) {
    if (field.required && !field.readOnly && isEmpty(variables[field.key]) && !isHidden(field, data)) problems.push({ field: field.key, message: 'is required' });
  }
  if (problems.length) throw new BadInputError(`Invalid form: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, { fields: problems });
  return accepted;
}

function checkValue(field: FormField, value: unknown, optionsOf: OptionsOf): string | null {
  const rules = (field.component.validate ?? {}) as { minLength?: number; maxLength?: number; min?: number; max?: number; pattern?: string; validationType?: string };
  switch (field.kind) {
    case 'string': {
      if (typeof value !== 'string') return 'must be text';
      if (rules.minLength !== undefined && value.length < rules.minLength) return `must have at least ${rules.minLength} characters`;
      if (value.length > (rules.maxLength ?? 100_000)) return `must have at most ${rules.maxLength ?? 100_000} characters`;
      if (rules.pattern && !safeRegExp(rules.pattern)?.test(value)) return 'does not have the expected form';
      if (rules.validationType === 'email' && !EMAIL.test(value)) return 'must be an e-mail address';
      return null;
    }
    case 'number': {
      const n = typeof value === 'string' && field.component.serializeToString ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return 'must be a number';
      if (rules.min !== undefined && n < rules.min) return `must be at least ${rules.min}`;
      if (rules.max !== undefined && n > rules.max) return `must be at most ${rules.max}`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be yes or no';
    case 'choice': {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return 'must be one of the options';
      const options = optionsOf(field);
      return options && !options.has(String(value)) ? `"${String(value)}" is not one of the options` : null;
    }
    case 'choices': {
      if (!Array.isArray(value) || value.length > 200) return 'must be a list of options';
      const options = optionsOf(field);
      const bad = value.find((v) => typeof v !== 'string' || (options && !options.has(v)));
      return bad === undefined ? null : `"${String(bad)}" is not one of the options`;
    }
    case 'date': {
      if (typeof value !== 'string') return 'must be a date';
      const subtype = field.component.subtype;
      const pattern = subtype === 'time' ? TIME : subtype === 'datetime' ? DATETIME : DATE;
      return pattern.test(value) && (subtype === 'time' || !Number.isNaN(Date.parse(value))) ? null : 'must be a date';
    }
    default:
      return 'this kind of field is not supported';
  }
}

/** A form's pattern, compiled once; an invalid pattern accepts nothing. */
function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern.startsWith('^') ? pattern : `^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/**
 * Whether the field's condition hides it for these data, as form-js decides in the browser (the same
 * FEEL library): hidden only when its expression is true; one that fails to evaluate hides nothing.
 */
export function isHidden(field: FormField, data: Record<string, unknown>): boolean {
  if (!field.hiddenWhen) return false;
  try {
    return evaluate(field.hiddenWhen.replace(/^\s*=/, ''), data).value === true;
  } catch {
    return false;
  }
}
