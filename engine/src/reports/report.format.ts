import { DURATION_UNITS, splitDuration } from '@diwan/contracts';
import type { Language } from '../shared/language.js';

/**
 * How the report writes numbers, percentages, durations, the month and dates in one language; digits
 * stay Latin in Arabic (Maghreb usage), as in the designer (`shared/i18n/format-*.ts`, same rules).
 */
export interface ReportFormat {
  number: (value: number) => string;
  percent: (ratio: number | null) => string;
  duration: (ms: number) => string;
  month: (month: string) => string;
  date: (iso: string, withTime?: boolean) => string;
}

export function reportFormat(language: Language, timeZone: string): ReportFormat {
  // British English, as the engine's other dates (shared/language.ts): "2 March 2026"
  const locale = language === 'en' ? 'en-GB' : language;
  const numbers = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
  const percents = new Intl.NumberFormat(locale, { numberingSystem: 'latn', style: 'percent', maximumFractionDigits: 1 });
  const units = new Map(DURATION_UNITS.map(([unit]) => [unit, new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', numberingSystem: 'latn' })]));
  const list = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' });
  const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone, numberingSystem: 'latn' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone, numberingSystem: 'latn' });
  return {
    number: (value) => numbers.format(value),
    percent: (ratio) => (ratio === null ? '—' : percents.format(ratio)),
    duration: (ms) => {
      if (ms < 1_000) return `< ${units.get('second')!.format(1)}`;
      return list.format(splitDuration(ms).map(([unit, value]) => units.get(unit)!.format(value)));
    },
    // The 15th at noon UTC is in the same month in every time zone.
    month: (month) => months.format(new Date(`${month}-15T12:00:00Z`)),
    date: (iso, withTime = false) => (withTime ? dateTimes : dates).format(new Date(iso)),
  };
}

