import { useMemo } from 'react';
import { useLanguage } from '../../shared/i18n/use-language';
import type { Language } from '../../shared/i18n/language';

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/**
 * A duration as people say it, in the reader's language: the two largest units, rounded,
 * after "≈" (`≈ 2 h 5 min`, `≈ 2 س 5 د`, `≈ 3 j 4 h`). Units come from Intl.NumberFormat and are
 * joined by Intl.ListFormat; digits stay Latin, as elsewhere in the app (Maghreb usage).
 */
export function durationFormatter(language: Language): (ms: number) => string {
  const units = new Map(
    UNITS.map(([unit]) => [unit, new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', numberingSystem: 'latn' })]),
  );
  const list = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
  return (ms) => {
    if (ms < 1_000) return `< ${units.get('second')!.format(1)}`;
    const parts = splitDuration(ms);
    return `≈ ${list.format(parts.map(([unit, value]) => units.get(unit)!.format(value)))}`;
  };
}

/** The two largest non-zero units of a duration, the smaller one rounded. */
export function splitDuration(ms: number): [(typeof UNITS)[number][0], number][] {
  const first = UNITS.findIndex(([, size]) => ms >= size);
  if (first < 0) return [['second', 0]];
  const [unit, size] = UNITS[first]!;
  const next = UNITS[first + 1];
  if (!next) return [[unit, Math.round(ms / size)]];
  let whole = Math.floor(ms / size);
  let rest = Math.round((ms - whole * size) / next[1]);
  if (rest * next[1] >= size) {
    whole += 1;
    rest = 0;
  }
  return rest > 0 ? [[unit, whole], [next[0], rest]] : [[unit, whole]];
}

export function useFormatDuration(): (ms: number) => string {
  const language = useLanguage();
  return useMemo(() => durationFormatter(language), [language]);
}
