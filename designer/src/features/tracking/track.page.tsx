import type { MailStatus } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api/api.error';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { LanguageSwitch } from '../../shared/i18n/language-switch';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { MailStatusBadge } from '../../shared/ui/mail-status.badge';
import { trackingPath, trackingRoute, type TrackingDto } from './tracking.api';
import './tracking.css';

/** The public tracking page (no login, no navigation): the code from the receipt's QR code. */
export function TrackPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const formatDate = useFormatDate();
  const query = useApiQuery<TrackingDto>(code ? trackingPath(code) : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed.trim()) void navigate(trackingRoute(typed.trim()));
  }

  return (
    <div className="tracking">
      <div className="tracking__language">
        <LanguageSwitch />
      </div>
      <main className="tracking__card" id="main" data-testid="tracking-page">
        <p className="tracking__brand">
          <span className="brand-mark" aria-hidden="true">
            د
          </span>
          <span lang="fr">Diwan</span> · <span lang="ar">ديوان</span>
        </p>
        <h1>{t('tracking.title')}</h1>
        <p className="muted">{t('tracking.intro')}</p>
        <form className="tracking__form" onSubmit={submit} role="search">
          <label htmlFor="tracking-code" className="visually-hidden">
            {t('tracking.code')}
          </label>
          <input id="tracking-code" className="field__input" dir="ltr" value={typed} placeholder={t('tracking.code')} onChange={(event) => setTyped(event.target.value)} data-testid="tracking-code" />
          <button type="submit" className="button button--primary">
            {t('tracking.search')}
          </button>
        </form>
        {code && query.status === 'loading' && <Loading>{t('common.loading')}</Loading>}
        {code && query.status === 'error' &&
          (isApiError(query.error) && query.error.status === 404 ? (
            <p className="alert alert--error" role="alert">
              {t('tracking.notFound')}
            </p>
          ) : (
            <ErrorMessage error={query.error} onRetry={query.retry} />
          ))}
        {code && query.status === 'success' && (
          <dl className="details tracking__result" data-testid="tracking-result">
            <div className="details__row">
              <dt>{t('receipt.chrono')}</dt>
              <dd>
                <bdi className="chrono">{query.data.chronoNumber}</bdi>
              </dd>
            </div>
            <div className="details__row">
              <dt>{t('tracking.status')}</dt>
              <dd>
                <MailStatusBadge status={query.data.status as MailStatus} />{' '}
                <span className="muted">{t(`tracking.statusHelp.${query.data.status as MailStatus}`, { defaultValue: '' })}</span>
              </dd>
            </div>
            <div className="details__row">
              <dt>{t('receipt.receivedAt')}</dt>
              <dd>{formatDate(query.data.receivedAt)}</dd>
            </div>
            <div className="details__row">
              <dt>{t('tracking.lastUpdate')}</dt>
              <dd>{formatDate(query.data.lastUpdate)}</dd>
            </div>
            {query.data.receiptNumber && (
              <div className="details__row">
                <dt>{t('receipt.number')}</dt>
                <dd>
                  <bdi>{query.data.receiptNumber}</bdi>
                </dd>
              </div>
            )}
          </dl>
        )}
      </main>
    </div>
  );
}
