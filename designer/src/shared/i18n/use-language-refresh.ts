import { useEffect, useRef } from 'react';
import { useLanguage } from './use-language';

/**
 * Calls `refresh` when the reader switches language: for data whose texts the engine writes in
 * the caller's language (Accept-Language), such as task forms, timelines and step names.
 */
export function useLanguageRefresh(refresh: () => void): void {
  const language = useLanguage();
  const shown = useRef(language);
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => {
    if (shown.current === language) return;
    shown.current = language;
    latest.current();
  }, [language]);
}
