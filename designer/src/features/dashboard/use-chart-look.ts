import { useMemo } from 'react';
import { directionOf } from '../../shared/i18n/language';
import { useFormatNumber } from '../../shared/i18n/format-number';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ChartLook } from './chart.options';

/** The page's direction and font (the Arabic one in Arabic: see app.css), and its number format. */
export function useChartLook(): ChartLook {
  const language = useLanguage();
  const formatValue = useFormatNumber();
  return useMemo(
    () => ({
      dir: directionOf(language),
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue(language === 'ar' ? '--font-arabic' : '--font-latin').trim() || 'sans-serif',
      formatValue,
      reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    }),
    [language, formatValue],
  );
}
