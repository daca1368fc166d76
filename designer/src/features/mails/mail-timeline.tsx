import type { MailTimelineEntry } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/i18n/format-date';

/** Who did what and when, newest last, dates in the reader's language. */
export function MailTimeline({ entries }: { entries: MailTimelineEntry[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (entries.length === 0) return <p className="muted" data-testid="mail-timeline">{t('mail.timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="mail-timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="timeline__entry" data-action={entry.action}>
          <time dateTime={entry.at} className="timeline__time">
            {formatDate(entry.at)}
          </time>
          <p className="timeline__what">
            <strong dir="auto">{entry.actor}</strong> {t(`mail.timeline.actions.${entry.action}`, { defaultValue: entry.action })}
          </p>
          <Details details={entry.details} />
        </li>
      ))}
    </ol>
  );
}

/** Ids and hashes are for the audit log, not for readers. */
const TECHNICAL = /(^|[a-z])(id|Id|sha256|attempts|found)$/;

function Details({ details }: { details: Record<string, unknown> }) {
  const pairs = Object.entries(details ?? {}).filter(
    ([key, value]) => !TECHNICAL.test(key) && value !== null && value !== undefined && value !== '',
  );
  if (pairs.length === 0) return null;
  return (
    <p className="timeline__details">
      {pairs.map(([key, value]) => (
        <span key={key} className="chip">
          <bdi>
            {key}: {typeof value === 'object' ? JSON.stringify(value) : String(value)}
          </bdi>
        </span>
      ))}
    </p>
  );
}
