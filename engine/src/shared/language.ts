import type { Request } from 'express';
import type { I18nText } from '@diwan/contracts';

export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The caller's language from Accept-Language (ar, fr or en); French when none is asked, for a wildcard or a tie. */
export function languageOf(req: Pick<Request, 'acceptsLanguages' | 'headers'>): Language {
  if (!req.headers['accept-language']) return 'fr';
  const chosen = req.acceptsLanguages('fr', 'ar', 'en');
  return typeof chosen === 'string' && (LANGUAGES as readonly string[]).includes(chosen) ? (chosen as Language) : 'fr';
}

/** The text in that language, else French, else whatever there is. */
export function pick(text: Partial<I18nText> | null | undefined, language: Language): string {
  return text?.[language] || text?.fr || text?.ar || text?.en || '';
}

const LOCALES: Record<Language, string> = { ar: 'ar-TN', fr: 'fr-FR', en: 'en-GB' };

/** The administration's time zone (config DIWAN_TIME_ZONE), in which every date the engine writes out is read. */
let timeZone = 'Africa/Tunis';
export function setAdministrationTimeZone(zone: string): void {
  timeZone = zone;
}

/** A date as people read it in that language, in the administration's time zone: "3 déc. 2026", "٣ ديسمبر ٢٠٢٦"; with the time when asked. */
export function formatDate(date: Date | string | null | undefined, language: Language, withTime = false): string {
  if (!date) return '';
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone }).format(d);
}

/**
 * A calendar day as people read it in that language ("16 déc. 2026"): due dates are kept as the
 * end of their day in UTC (see dueDateFor), so the day is read in UTC, as the designer shows it.
 */
export function formatDay(date: Date | string | null | undefined, language: Language): string {
  if (!date) return '';
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
