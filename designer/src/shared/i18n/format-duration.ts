import { DURATION_UNITS as UNITS, splitDuration } from '@diwan/contracts';
import { useMemo } from 'react';
import { useLanguage } from './use-language';
import type { Language } from './language';

/**
 * A duration as people say it, in the reader's language: the two largest units, rounded,
 * after "≈" (`≈ 2 h 5 min`, `≈ 3 j 4 h`). Units come from Intl.NumberFormat, joined by
 * Intl.ListFormat; digits stay Latin (Maghreb usage).
 */
export function durationFormatter(language: Language): (ms: number) => string {
  const twoUnits = twoUnitsFormatter(language);
  return (ms) => (ms < 1_000 ? `< ${twoUnits(1_000)}` : `≈ ${twoUnits(ms)}`);
}

/** The two largest units of a duration (`2 h 5 min`), without the "≈": a wait the engine asked for, in whole seconds. */
function twoUnitsFormatter(language: Language): (ms: number) => string {
  const units = new Map(
    UNITS.map(([unit]) => [unit, new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', numberingSystem: 'latn' })]),
  );
  const list = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
  return (ms) => list.format(splitDuration(ms).map(([unit, value]) => units.get(unit)!.format(value)));
}

/** A duration in its largest unit only, rounded (`10 s`, `2 h`): for a chart's axis. */
export function roundDurationFormatter(language: Language): (ms: number) => string {
  const formats = new Map(UNITS.map(([unit]) => [unit, new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', numberingSystem: 'latn', maximumFractionDigits: 1 })]));
  return (ms) => {
    const [unit, size] = UNITS.find(([, size]) => ms >= size) ?? UNITS[UNITS.length - 1]!;
    return formats.get(unit)!.format(ms / size);
  };
}

export function useFormatDuration(): (ms: number) => string {
  const language = useLanguage();
  return useMemo(() => durationFormatter(language), [language]);
}

/** How long to wait before trying again (`45 s`, `15 min`), from whole seconds (a 429's Retry-After). */
export function useFormatWait(): (seconds: number) => string {
  const language = useLanguage();
  return useMemo(() => {
    const twoUnits = twoUnitsFormatter(language);
    return (seconds: number) => twoUnits(Math.max(1, Math.ceil(seconds)) * 1000);
  }, [language]);
}
