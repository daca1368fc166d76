import type { MailDirection, MailTypeDto, MailTypeInput } from '@diwan/contracts';
import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api/api.error';

/** What the mail type form holds: strings as typed; the engine validates (zod) and names bad fields. */
export interface MailTypeFormState {
  code: string;
  labelAr: string;
  labelFr: string;
  labelEn: string;
  direction: MailDirection;
  dueDays: string;
  /** '' = the default circuit of the direction. */
  circuitKey: string;
  active: boolean;
}

export type MailTypeFormField = 'code' | 'label.ar' | 'label.fr' | 'label.en' | 'direction' | 'dueDays' | 'circuitKey' | 'active';
export type MailTypeFormErrors = Partial<Record<MailTypeFormField | 'form', string>>;

export const emptyMailTypeForm = (): MailTypeFormState => ({
  code: '',
  labelAr: '',
  labelFr: '',
  labelEn: '',
  direction: 'incoming',
  dueDays: '15',
  circuitKey: '',
  active: true,
});

export const toMailTypeForm = (type: MailTypeDto): MailTypeFormState => ({
  code: type.code,
  labelAr: type.label.ar,
  labelFr: type.label.fr,
  labelEn: type.label.en,
  direction: type.direction,
  dueDays: String(type.dueDays),
  circuitKey: type.circuitKey ?? '',
  active: type.active,
});

export function toMailTypeInput(form: MailTypeFormState): MailTypeInput {
  const days = form.dueDays.trim() === '' ? Number.NaN : Number(form.dueDays);
  return {
    code: form.code.trim(),
    label: { ar: form.labelAr, fr: form.labelFr, en: form.labelEn },
    direction: form.direction,
    // A number the engine can refuse: JSON turns NaN into null, which it names as the bad field.
    dueDays: days,
    circuitKey: form.circuitKey === '' ? null : form.circuitKey,
    active: form.active,
  };
}

/** Which sentence explains a refused field (the rule the engine's schema applies to it). */
const FIELD_MESSAGES: Record<MailTypeFormField, 'code' | 'label' | 'direction' | 'dueDays' | 'circuitKey' | 'other'> = {
  code: 'code',
  'label.ar': 'label',
  'label.fr': 'label',
  'label.en': 'label',
  direction: 'direction',
  dueDays: 'dueDays',
  circuitKey: 'circuitKey',
  active: 'other',
};

const isFormField = (field: string): field is MailTypeFormField => field in FIELD_MESSAGES;

/**
 * The engine's refusal, field by field, in the reader's language: a 400 names each bad field in
 * `details.fields` (its English text is for logs), a 409 means the code is taken.
 */
export function mailTypeErrors(error: unknown, t: TFunction, fallback: string): MailTypeFormErrors {
  if (!isApiError(error)) return { form: fallback };
  if (error.status === 409) return { code: t('mailTypes.errors.codeTaken') };
  const details = error.details as { fields?: { field?: unknown }[] } | undefined;
  const errors: MailTypeFormErrors = {};
  for (const issue of details?.fields ?? []) {
    const field = typeof issue.field === 'string' ? issue.field : '';
    // `label` alone (the whole object missing) is shown on each of its three fields.
    const fields = field === 'label' ? (['label.ar', 'label.fr', 'label.en'] as const) : isFormField(field) ? [field] : [];
    for (const name of fields) errors[name] ??= t(`mailTypes.errors.${FIELD_MESSAGES[name]}`);
  }
  return Object.keys(errors).length > 0 ? errors : { form: fallback };
}
