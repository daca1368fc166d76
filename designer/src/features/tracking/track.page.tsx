import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api/api.error';
import { useApiQuery } from '../../shared/api/use-api-query';
import { LanguageSwitch } from '../../shared/i18n/language-switch';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { trackingPath, trackingRoute, type TrackingDto } from './tracking.api';
import { TrackingResult } from './tracking.result';
import './tracking.css';

/** The public tracking page (no login, no navigation): the code from the receipt's QR code. */
export function TrackPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
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
        {code && query.status === 'success' && <TrackingResult code={code} tracking={query.data} onChanged={query.retry} />}
      </main>
    </div>
  );
}
