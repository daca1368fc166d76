import { useMemo } from 'react';
import { useLanguage } from './use-language';
import type { Language } from './language';

/**
 * Counts and percentages in the reader's language. Digits stay Latin in Arabic too (Maghreb
 * usage, as the dates do: see format-date.ts).
 */
export function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return new Intl.NumberFormat(language, { numberingSystem: 'latn', ...options });
}

export function useFormatNumber(): (value: number) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = numberFormat(language);
    return (value) => format.format(value);
  }, [language]);
}

/** A ratio (0.87) as a percentage (`87 %`, `87%`), whole numbers only. */
export function useFormatPercent(): (ratio: number) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = numberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    return (ratio) => format.format(ratio);
  }, [language]);
}
