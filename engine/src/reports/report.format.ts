import type { Language } from '../shared/language.js';

const DURATION_UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

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
  const numbers = new Intl.NumberFormat(language, { numberingSystem: 'latn' });
  const percents = new Intl.NumberFormat(language, { numberingSystem: 'latn', style: 'percent', maximumFractionDigits: 1 });
  const units = new Map(DURATION_UNITS.map(([unit]) => [unit, new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', numberingSystem: 'latn' })]));
  const list = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
  const months = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' });
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone, numberingSystem: 'latn' });
  const dateTimes = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone, numberingSystem: 'latn' });
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

/** The two largest non-zero units of a duration, the smaller one rounded. */
function splitDuration(ms: number): [(typeof DURATION_UNITS)[number][0], number][] {
  const first = DURATION_UNITS.findIndex(([, size]) => ms >= size);
  if (first < 0) return [['second', 0]];
  const [unit, size] = DURATION_UNITS[first]!;
  const next = DURATION_UNITS[first + 1];
  if (!next) return [[unit, Math.round(ms / size)]];
  let whole = Math.floor(ms / size);
  let rest = Math.round((ms - whole * size) / next[1]);
  if (rest * next[1] >= size) {
    whole += 1;
    rest = 0;
  }
  return rest > 0 ? [[unit, whole], [next[0], rest]] : [[unit, whole]];
}
