import type { PublicStatsDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDuration } from '../../shared/i18n/format-duration';
import { useFormatNumber, useFormatPercent } from '../../shared/i18n/format-number';
import { LanguageSwitch } from '../../shared/i18n/language-switch';
import { useLanguage } from '../../shared/i18n/use-language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import './public-stats.css';

/** The public statistics page (`/portal/stats`, no login): numbers only, per department, this month. */
export function PublicStatsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useApiQuery<PublicStatsDto>('/api/public/stats');
  const number = useFormatNumber();
  const percent = useFormatPercent();
  const duration = useFormatDuration();
  const monthName = (month: string) => new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', numberingSystem: 'latn', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

  return (
    <div className="public-stats">
      <div className="public-stats__language">
        <LanguageSwitch />
      </div>
      <main className="public-stats__card" id="main" data-testid="public-stats">
        <h1>{t('publicStats.title')}</h1>
        {query.status === 'loading' && <Loading>{t('common.loading')}</Loading>}
        {query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
        {query.status === 'success' && (
          <>
            <p className="muted">{t('publicStats.intro', { month: monthName(query.data.month) })}</p>
            <p className="public-stats__total">
              {t('publicStats.totalDeposits')} <strong>{number(query.data.totals.deposits)}</strong>
            </p>
            {query.data.departments.length === 0 ? (
              <p>{t('publicStats.empty')}</p>
            ) : (
              <div className="public-stats__scroll">
                <table className="public-stats__table" data-testid="public-stats-table">
                  <caption className="visually-hidden">{t('publicStats.caption', { month: monthName(query.data.month) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('publicStats.department')}</th>
                      <th scope="col">{t('publicStats.deposits')}</th>
                      <th scope="col">{t('publicStats.closed')}</th>
                      <th scope="col">{t('publicStats.onTime')}</th>
                      <th scope="col">{t('publicStats.averageHandling')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {query.data.departments.map((row) => (
                      <tr key={row.code}>
                        <th scope="row">{row.name[language]}</th>
                        <td>{number(row.deposits)}</td>
                        <td>{number(row.closed)}</td>
                        <td>{row.onTimeRate === null ? '—' : percent(row.onTimeRate)}</td>
                        <td>{row.averageHandlingMs === null ? '—' : duration(row.averageHandlingMs)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p className="muted">{t('publicStats.note')}</p>
          </>
        )}
      </main>
    </div>
  );
}
