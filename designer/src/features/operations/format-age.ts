import { useMemo } from 'react';
import { useLanguage } from '../../shared/i18n/use-language';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How long ago something happened, in words and the reader's language ("3 hours ago",
 * "il y a 3 heures", "قبل 3 ساعات"), Latin digits as the dates use.
 */
export function useFormatAge(): (iso: string, now?: number) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long', numberingSystem: 'latn' } as Intl.RelativeTimeFormatOptions);
    return (iso, now = Date.now()) => {
      const elapsed = now - new Date(iso).getTime();
      if (!Number.isFinite(elapsed)) return '';
      const [unit, size] = STEPS.find(([, ms]) => Math.abs(elapsed) >= ms) ?? ['second', 1000];
      return format.format(-Math.round(elapsed / size), unit);
    };
  }, [language]);
}
