import { useMemo } from 'react';
import { useLanguage } from '../../shared/i18n/use-language';

/** A list in words, in the reader's language ("A, B et C", "A وB وC"). */
export function useFormatList(): (items: string[]) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    return (items) => format.format(items);
  }, [language]);
}
