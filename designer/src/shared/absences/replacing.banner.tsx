import type { AbsenceDto } from '@diwan/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/use-api-query';
import { useLanguage } from '../i18n/use-language';
import { replacingPath } from './absences.api';
import './replacing.banner.css';

/** "You are replacing X until <date>": shown to a substitute while an absence is under way. */
export function ReplacingBanner() {
  const { t } = useTranslation();
  const language = useLanguage();
  const replacing = useApiQuery<AbsenceDto[]>(replacingPath);
  const formats = useMemo(() => new Map<string, Intl.DateTimeFormat>(), [language]);
  if (replacing.status !== 'success' || replacing.data.length === 0) return null;
  const until = (absence: AbsenceDto) => {
    let format = formats.get(absence.timeZone);
    if (!format) formats.set(absence.timeZone, (format = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', numberingSystem: 'latn', timeZone: absence.timeZone })));
    return format.format(new Date(absence.endedAt && absence.endedAt < absence.to ? absence.endedAt : absence.to));
  };
  return (
    <div className="alert replacing-banner" role="status" data-testid="replacing-banner">
      {replacing.data.map((absence) => (
        <p key={absence.id}>
          {t('absences.banner', { person: absence.person.displayName, until: until(absence) })}
        </p>
      ))}
    </div>
  );
}
