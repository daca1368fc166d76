import { newCorrespondentSchema, registerMailSchema, type RegisterMail } from '@diwan/contracts';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { toRegisterMailInput, type MailFormState } from './mail-form.model';

/** Field path (`subject`, `correspondent.email`, `departments.forAction`) to a translated message. */
export type MailFormErrors = Record<string, string>;

/**
 * Validates with the schema the engine uses, and says per field what is wrong, in the reader's
 * language. The correspondent is checked on its own so that a new one's fields get their messages.
 */
export function validateMailForm(
  form: MailFormState,
  t: TFunction,
): { ok: true; value: RegisterMail } | { ok: false; errors: MailFormErrors } {
  const errors: MailFormErrors = {};
  const input = toRegisterMailInput(form);
  const withPlaceholder = { ...input, correspondent: { id: 'placeholder' } };
  const result = registerMailSchema.safeParse(withPlaceholder);
  if (!result.success) collect(result.error.issues, '', errors, t);

  if (!form.correspondent) errors.correspondent = t('mailForm.validation.correspondentRequired');
  else if (form.correspondent.mode === 'new') {
    const parsed = newCorrespondentSchema.safeParse(input.correspondent);
    if (!parsed.success) collect(parsed.error.issues, 'correspondent.', errors, t);
  }
  if (form.confidentiality !== 'normal' && form.namedUsers.length === 0) {
    errors.namedUsers = t('mailForm.validation.namedUsersRequired');
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, value: { ...result.data, correspondent: registerMailSchema.shape.correspondent.parse(input.correspondent) } };
}

function collect(issues: z.core.$ZodIssue[], prefix: string, errors: MailFormErrors, t: TFunction): void {
  for (const issue of issues) {
    const key = prefix + issue.path.map(String).filter((p) => !/^\d+$/.test(p)).join('.');
    if (!errors[key]) errors[key] = message(issue, t);
  }
}

function message(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('mailForm.validation.required')
        : t('mailForm.validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('mailForm.validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('mailForm.validation.email');
      if (issue.format === 'date' || issue.format === 'datetime') return t('mailForm.validation.date');
      if (issue.path.includes('phone')) return t('mailForm.validation.phone');
      return t('mailForm.validation.invalid');
    case 'invalid_type':
      return issue.input === undefined ? t('mailForm.validation.required') : t('mailForm.validation.invalid');
    default:
      return t('mailForm.validation.invalid');
  }
}
