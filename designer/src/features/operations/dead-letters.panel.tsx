import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { kindOf, knownType, type DeadLetterDto } from './dead-letter.reason';
import { deadLettersPath } from './operations.api';
import { useFormatAge } from './format-age';

/**
 * The bridge's dead letters: the runtime events the engine set aside, newest first, each with
 * what it was, why it was set aside in plain words, when, and from which runtime node.
 */
export function DeadLettersPanel() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatAge = useFormatAge();
  const query = useApiQuery<DeadLetterDto[]>(deadLettersPath);
  return (
    <div data-testid="operations-dead-letters">
      <p className="muted">{t('operations.deadLetters.intro')}</p>
      {query.status === 'loading' && <Loading>{t('operations.deadLetters.loading')}</Loading>}
      {query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {query.status === 'success' && query.data.length === 0 && (
        <p className="empty" data-testid="dead-letters-empty">
          {t('operations.deadLetters.empty')}
        </p>
      )}
      {query.status === 'success' && query.data.length > 0 && (
        <ul className="dead-letter-list" data-testid="dead-letters">
          {query.data.map((letter) => {
            const type = knownType(letter.type);
            const kind = kindOf(letter.reason);
            return (
              <li key={letter.id} className="panel dead-letter" data-testid="dead-letter" data-kind={kind}>
                <p className="dead-letter__what">
                  <strong>{type ? t(`operations.deadLetters.types.${type}`) : t('operations.deadLetters.types.unknown')}</strong>
                  {' · '}
                  {t(`operations.deadLetters.kinds.${kind}`)}
                </p>
                <p className="muted">
                  {t('operations.deadLetters.when', { date: formatDate(letter.receivedAt), age: formatAge(letter.receivedAt) })}
                  {' · '}
                  {t('operations.deadLetters.node')} <bdi dir="ltr">{letter.node}</bdi>
                  {letter.deliveries > 1 && <> · {t('operations.deadLetters.deliveries', { count: letter.deliveries })}</>}
                </p>
                <details>
                  <summary>{t('operations.deadLetters.details')}</summary>
                  <p className="operations-cause__text" dir="ltr">
                    {letter.reason}
                  </p>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
