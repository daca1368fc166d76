import type { TFunction } from 'i18next';
import type { MailFormErrors } from './mail-form.validation';

/**
 * The engine names each bad field in `details.fields` (`[{field: 'correspondent.email', message}]`).
 * We mark those fields with a translated message; the engine's English text is for logs.
 */
export function serverFieldErrors(details: unknown, t: TFunction): MailFormErrors {
  const errors: MailFormErrors = {};
  const issues = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && Array.isArray((details as { fields?: unknown }).fields)
      ? (details as { fields: unknown[] }).fields
      : [];
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const path = (issue as { field?: unknown; path?: unknown }).field ?? (issue as { path?: unknown }).path;
    const key = Array.isArray(path) ? path.filter((p) => typeof p === 'string').join('.') : typeof path === 'string' ? path : '';
    if (key && !errors[key]) errors[key] = t('mailForm.validation.refused');
  }
  return errors;
}
