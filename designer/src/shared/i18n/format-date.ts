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

/**
 * Building a formatter loads the locale's calendar data (tens of ms for the first one of a page):
 * one per language, made the first time a date is actually written, not when a component that
 * might write one mounts (the header's bell, closed, writes none).
 */
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();
function sharedDateTimeFormat(language: Language): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(language);
  if (!format) dateTimeFormats.set(language, (format = dateTimeFormat(language)));
  return format;
}

export function useFormatDate(): (iso: string | null) => string {
  const language = useLanguage();
  return useMemo(
    () => (iso) => {
      if (!iso) return '';
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : sharedDateTimeFormat(language).format(date);
    },
    [language],
  );
}

/** A calendar day (`2026-03-14`) in the reader's language, without a time zone shift. */
export function useFormatDay(): (isoDay: string | null) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', numberingSystem: 'latn', timeZone: 'UTC' });
    return (isoDay) => {
      if (!isoDay) return '';
      const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDay : format.format(date);
    };
  }, [language]);
}
