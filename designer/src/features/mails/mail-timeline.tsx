import { SOCKET_EVENTS, type MailDto, type MailTimelineItemDto, type UserTaskDto } from '@diwan/contracts';
import { Trans, useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useLanguageRefresh } from '../../shared/i18n/use-language-refresh';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { mailTimelinePath } from './mails.api';
import { timelineSentence } from './mail-timeline.sentences';

/**
 * The mail's history in plain sentences (GET /api/mails/:id/timeline, texts in the reader's
 * language): who did what, people by name, dates in the reader's language. Live.
 */
export function MailTimeline({ mailId }: { mailId: string }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const query = useApiQuery<MailTimelineItemDto[]>(mailTimelinePath(mailId));
  const { refresh } = query;
  useLanguageRefresh(refresh);
  useSocketEvent<MailDto>(SOCKET_EVENTS.mailUpdated, (mail) => {
    if (mail.id === mailId) refresh();
  });
  const onTask = (task: UserTaskDto) => {
    if (task.businessKey === mailId) refresh();
  };
  useSocketEvent(SOCKET_EVENTS.userTaskCreated, onTask);
  useSocketEvent(SOCKET_EVENTS.userTaskAssigned, onTask);
  useSocketEvent(SOCKET_EVENTS.userTaskCompleted, onTask);

  if (query.status === 'loading') return <Loading>{t('mail.timeline.loading')}</Loading>;
  if (query.status === 'error') return <ErrorMessage error={query.error} onRetry={query.retry} />;
  if (query.data.length === 0) return <p className="muted" data-testid="mail-timeline">{t('mail.timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="mail-timeline">
      {query.data.map((entry, index) => {
        const sentence = timelineSentence(entry, t('mail.timeline.system'));
        return (
          <li key={`${entry.at}-${index}`} className="timeline__entry" data-action={entry.action} data-testid="timeline-entry">
            <time dateTime={entry.at} className="timeline__time">
              {formatDate(entry.at)}
            </time>
            <p className="timeline__what" data-testid="timeline-sentence">
              <Trans
                // the key is built from the entry (action, variant, named…): a missing one reads as the generic sentence
                i18nKey={(i18n.exists(sentence.key) ? sentence.key : 'mail.timeline.sentences.unknown') as never}
                values={sentence.values}
                components={{ who: <strong dir="auto" />, whom: <strong dir="auto" />, what: <q dir="auto" />, num: <bdi className="chrono" /> }}
              />
            </p>
            {entry.fields && entry.fields.length > 0 && (
              <dl className="timeline__fields">
                {entry.fields.map((field, n) => (
                  <div key={`${field.label}-${n}`} className="timeline__field">
                    <dt dir="auto">{field.label}</dt>
                    <dd dir="auto">{field.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
