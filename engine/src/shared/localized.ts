import type { z } from 'zod';
import type { I18nText } from '@diwan/contracts';
import { BadInputError } from './errors.js';
import { pick, type Language } from './language.js';

/** What a module says to people: each message in ar, fr and en, `{name}` marking a value filled in. */
export type MessageBook = Record<string, I18nText>;
export type Values = Record<string, string | number>;

/** The text with its `{name}` marks filled; an unknown mark stays as it is. */
export const fill = (text: string, values: Values = {}): string => text.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));

/** A module's `say(language, key, values)` over its own book. */
export const sayer =
  <B extends MessageBook>(book: B) =>
  (language: Language, key: keyof B & string, values: Values = {}): string =>
    fill(pick(book[key], language), values);

/** What every boundary says of a refused field, whatever the module. */
const say = sayer({
  invalidInput: { ar: 'طلب غير صالح: {x}', fr: 'Demande invalide : {x}', en: 'Invalid request: {x}' },
  required: { ar: '{x} مطلوب', fr: '{x} : obligatoire', en: '{x}: required' },
  wrongValue: { ar: '{x}: قيمة غير صالحة', fr: '{x} : valeur invalide', en: '{x}: invalid value' },
  tooShort: { ar: '{x} قصير جدًا (الحد الأدنى {n})', fr: '{x} : trop court (au moins {n})', en: '{x}: too short (at least {n})' },
  tooLong: { ar: '{x} طويل جدًا (الحد الأقصى {n})', fr: '{x} : trop long (au plus {n})', en: '{x}: too long (at most {n})' },
  tooFew: { ar: '{x}: اختر عنصرًا واحدًا على الأقل', fr: '{x} : choisissez-en au moins un', en: '{x}: choose at least one' },
  tooMany: { ar: '{x}: {n} عنصر على الأكثر', fr: '{x} : {n} au plus', en: '{x}: {n} at most' },
  tooSmall: { ar: '{x}: {n} على الأقل', fr: '{x} : au moins {n}', en: '{x}: at least {n}' },
  tooBig: { ar: '{x}: {n} على الأكثر', fr: '{x} : au plus {n}', en: '{x}: at most {n}' },
  unknownField: { ar: 'حقل غير معروف: {x}', fr: 'Champ inconnu : {x}', en: 'Unknown field: {x}' },
});

/** A 400 naming one field, in the caller's language; `details.fields` keeps the field's key for the client. */
export function badField(language: Language, field: string, message: string): BadInputError {
  return new BadInputError(say(language, 'invalidInput', { x: message }), { fields: [{ field, message }] });
}

/**
 * Parses input at the boundary. Each refused field is named with its label in the caller's
 * language (`fields`, else its key) and the message says what is wrong with it; `details.fields`
 * keeps the keys. `special` may word an issue itself (a date, a step), else the common words apply.
 */
export function validateIn<S extends z.ZodType>(
  schema: S,
  input: unknown,
  language: Language,
  fields: Record<string, I18nText> = {},
  special?: (issue: z.core.$ZodIssue, name: string) => string | undefined,
): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const refused = parsed.error.issues.map((issue) => {
    const key = issue.path.length ? String(issue.path[0]) : '(root)';
    const name = fields[key] ? pick(fields[key], language) : key;
    return { field: issue.path.join('.') || '(root)', message: special?.(issue, name) ?? issueMessage(language, issue, name) };
  });
  throw new BadInputError(say(language, 'invalidInput', { x: refused.map((f) => f.message).join(' ; ') }), { fields: refused });
}

function issueMessage(language: Language, issue: z.core.$ZodIssue, name: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return say(language, issue.input === undefined ? 'required' : 'wrongValue', { x: name });
    case 'too_small':
      if (issue.origin === 'array') return say(language, 'tooFew', { x: name });
      return say(language, issue.origin === 'string' ? 'tooShort' : 'tooSmall', { x: name, n: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array') return say(language, 'tooMany', { x: name, n: Number(issue.maximum) });
      return say(language, issue.origin === 'string' ? 'tooLong' : 'tooBig', { x: name, n: Number(issue.maximum) });
    case 'unrecognized_keys':
      return say(language, 'unknownField', { x: issue.keys.join(', ') });
    default:
      return say(language, 'wrongValue', { x: name });
  }
}
