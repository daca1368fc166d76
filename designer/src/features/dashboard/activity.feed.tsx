import { MAIL_STATUSES, type ActivityFeedItem, type MailStatus } from '@diwan/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useLanguage } from '../../shared/i18n/use-language';
import { mailRoute } from '../../shared/routes/mail.routes';
import { useNow } from './use-now';

/** What just happened, newest first, in sentences; each line opens its mail. */
export function ActivityFeed({ feed }: { feed: ActivityFeedItem[] }) {
  const { t } = useTranslation();
  return (
    <section className="dashboard-section dashboard-feed" aria-labelledby="dashboard-feed-title" data-testid="dashboard-feed">
      <h2 id="dashboard-feed-title">{t('dashboard.feed.title')}</h2>
      {feed.length === 0 ? (
        <p className="muted">{t('dashboard.feed.none')}</p>
      ) : (
        <ol className="dashboard-feed__list" aria-live="polite">
          {feed.map((item) => (
            <FeedLine key={item.id} item={item} />
          ))}
        </ol>
      )}
    </section>
  );
}

function FeedLine({ item }: { item: ActivityFeedItem }) {
  const { t } = useTranslation();
  const sentence = useSentence(item);
  const when = useRelativeTime(item.at);
  const formatDate = useFormatDate();
  return (
    <li className={`dashboard-feed__item dashboard-feed__item--${item.kind.replace('.', '-')}`} data-testid="dashboard-feed-item" data-kind={item.kind}>
      <span className="dashboard-feed__sentence">
        {item.mailId ? <Link to={mailRoute(item.mailId)}>{sentence}</Link> : sentence}
        {item.departmentLabel && (
          <span className="dashboard-feed__department">
            {' · '}
            <bdi>{item.departmentLabel}</bdi>
          </span>
        )}
      </span>
      <time className="dashboard-feed__time" dateTime={item.at} title={formatDate(item.at)}>
        {when}
      </time>
      <span className="visually-hidden">{t('dashboard.feed.at', { date: formatDate(item.at) })}</span>
    </li>
  );
}

/** The line's sentence in the reader's language, from its kind and names (never an id). */
function useSentence(item: ActivityFeedItem): string {
  const language = useLanguage();
  const sentence = useSentenceWords(item);
  // "mail 2026/A/000012 was registered" starts a sentence: "Mail …"
  return sentence.charAt(0).toLocaleUpperCase(language) + sentence.slice(1);
}

function useSentenceWords(item: ActivityFeedItem): string {
  const { t } = useTranslation();
  const mail = item.chronoNumber ? t('dashboard.feed.mail', { number: isolate(item.chronoNumber) }) : t('dashboard.feed.aMail');
  const step = item.stepName ? isolate(item.stepName) : t('dashboard.feed.aStep');
  const actor = item.actor ? isolate(item.actor) : null;
  switch (item.kind) {
    case 'mail.registered':
      return actor ? t('dashboard.feed.registered', { actor, mail }) : t('dashboard.feed.registeredBySystem', { mail });
    case 'userTask.completed':
      return actor ? t('dashboard.feed.completed', { actor, step, mail }) : t('dashboard.feed.completedBySystem', { step, mail });
    case 'mail.statusChanged':
      return item.status && isStatus(item.status) ? t('dashboard.feed.statusChanged', { mail, status: t(`statuses.${item.status}`) }) : t('dashboard.feed.updated', { mail });
    case 'incident.created':
      return item.stepName ? t('dashboard.feed.incidentAt', { mail, step }) : t('dashboard.feed.incident', { mail });
  }
}

/**
 * A name or number set apart from the sentence's direction (FSI … PDI), so that `2026/A/000012` or
 * "Leila Haddad · ليلى الحداد" keep their order inside an Arabic sentence, and the reverse.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

function isStatus(status: string): status is MailStatus {
  return (MAIL_STATUSES as readonly string[]).includes(status);
}

/** "2 minutes ago", "yesterday", in the reader's language; past a week, the date itself. */
function useRelativeTime(iso: string): string {
  const language = useLanguage();
  const now = useNow();
  const formatDate = useFormatDate();
  const format = useMemo(() => new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long', numberingSystem: 'latn' } as Intl.RelativeTimeFormatOptions), [language]);
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return format.format(days, 'day');
  return formatDate(iso);
}
