import { useMemo } from 'react';
import { useLanguage } from './use-language';
import type { Language } from './language';

/**
 * Dates in the reader's language. Maghreb administrations write Arabic with Latin digits
 * (as `ar-TN`, `ar-MA`, `ar-DZ` do), so the numbering system is pinned to `latn`.
 */
export function dateTimeFormat(language: Language): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    numberingSystem: 'latn',
  });
}

export function useFormatDate(): (iso: string | null) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = dateTimeFormat(language);
    return (iso) => {
      if (!iso) return '';
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [language]);
}
