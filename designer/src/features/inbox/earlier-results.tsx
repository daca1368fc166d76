import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/i18n/format-date';
import type { EarlierResultDto } from './user-tasks.api';

/**
 * What the earlier steps of the circuit gave (opinions, instructions, reply drafts), so that the
 * next person reads them before acting: step, who, when, and each field as "label: value".
 * The engine sends labels and values already in the reader's language.
 */
export function EarlierResults({ results }: { results: EarlierResultDto[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (results.length === 0) return null;
  return (
    <section className="panel earlier-results" aria-labelledby="earlier-results-title" data-testid="earlier-results">
      <h2 id="earlier-results-title">{t('inbox.earlier.title')}</h2>
      <ol className="earlier-results__list">
        {results.map((result, index) => (
          <li key={`${result.at}-${index}`} className="earlier-results__item" data-testid="earlier-result">
            <p className="earlier-results__head">
              <strong dir="auto">{result.stepName || t('inbox.earlier.step')}</strong>
              <span className="muted">
                {t('inbox.earlier.byOn', { name: result.by.displayName, date: formatDate(result.at) })}
              </span>
            </p>
            <dl className="earlier-results__fields">
              {result.fields.map((field) => (
                <div key={field.key} className="earlier-results__field">
                  <dt dir="auto">{field.label}</dt>
                  <dd dir="auto">{field.value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
