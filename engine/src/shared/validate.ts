import type { z } from 'zod';
import { BadInputError } from './errors.js';

/** Parses input at the boundary; a failure becomes a BadInputError naming each field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', message: i.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new BadInputError(`Invalid ${what}: ${summary}`, { fields });
}
