import type { AbsenceDto } from '@diwan/contracts';
import { useMemo } from 'react';
import { useLanguage } from '../../shared/i18n/use-language';

/** An absence's moments in the reader's language, on the administration's clock (its time zone). */
export function usePeriodFormat(): (absence: AbsenceDto, which: 'from' | 'until') => string {
  const language = useLanguage();
  return useMemo(() => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    return (absence, which) => {
      let format = formats.get(absence.timeZone);
      if (!format) formats.set(absence.timeZone, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', numberingSystem: 'latn', timeZone: absence.timeZone })));
      // ended early: when it ended; cancelled: the period it had
      const until = absence.status !== 'cancelled' && absence.endedAt && absence.endedAt < absence.to ? absence.endedAt : absence.to;
      return format.format(new Date(which === 'from' ? absence.from : until));
    };
  }, [language]);
}
