import type { PortalReceiptFactsDto, PortalReceiptVerificationDto } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../shared/api/api.error';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { Loading } from '../../shared/ui/loading';
import { portalApi, portalRoute } from './portal.api';
import { usePortalError } from './portal.errors';
import { PortalShell } from './portal.shell';

/**
 * `/portal/verify`: upload a receipt to know whether it is authentic; with `?code=` (the receipt's QR
 * code) it says whether that receipt exists and shows its facts.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const facts = useApiQuery<PortalReceiptFactsDto>(code ? `/api/public/receipts/${encodeURIComponent(code)}` : null);
  const [file, setFile] = useState<File | null>(null);
  const [verdict, setVerdict] = useState<PortalReceiptVerificationDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const portalError = usePortalError();

  async function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setVerdict(await portalApi.verify(file));
    } catch (e) {
      setError(portalError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PortalShell testId="verify-page">
      <h1>{t('portal.verify.title')}</h1>
      {code && facts.status === 'loading' && <Loading>{t('common.loading')}</Loading>}
      {code && facts.status === 'error' && (
        <p className="alert alert--error portal__verdict--bad" role="alert" data-testid="verify-unknown">
          {isApiError(facts.error) && facts.error.status === 404 ? t('portal.verify.noSuchReceipt') : portalError(facts.error)}
        </p>
      )}
      {code && facts.status === 'success' && (
        <div className="portal__verdict--ok" data-testid="verify-exists">
          <p>{t('portal.verify.exists')}</p>
          <Facts facts={facts.data} />
        </div>
      )}
      <form className="portal__form" onSubmit={(e) => void verify(e)}>
        <p className="muted">{t('portal.verify.intro')}</p>
        <div className="field">
          <label className="field__label" htmlFor="verify-file">
            {t('portal.verify.file')}
          </label>
          <input id="verify-file" type="file" accept=".pdf,application/pdf" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="verify-file" />
        </div>
        <div className="portal__actions">
          <button type="submit" className="button button--primary" disabled={busy || !file} data-testid="verify-submit">
            {t('portal.verify.submit')}
          </button>
        </div>
      </form>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {verdict && (
        <div className={verdict.authentic ? 'portal__verdict--ok' : 'portal__verdict--bad'} role="status" data-testid="verify-verdict">
          <p>
            <strong>{verdict.authentic ? t('portal.verify.authentic') : t('portal.verify.notAuthentic')}</strong>
          </p>
          {!verdict.authentic && verdict.problem && <p className="muted">{t(`portal.verify.problems.${verdict.problem}`)}</p>}
          {verdict.facts && <Facts facts={verdict.facts} />}
        </div>
      )}
      <p className="muted">
        <Link to={portalRoute}>{t('portal.newDeposit')}</Link>
      </p>
    </PortalShell>
  );
}

function Facts({ facts }: { facts: PortalReceiptFactsDto }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <dl className="details">
      <div className="details__row">
        <dt>{t('portal.chronoNumber')}</dt>
        <dd>
          <bdi>{facts.chronoNumber}</bdi>
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('portal.receiptNumber')}</dt>
        <dd>
          <bdi>{facts.receiptNumber}</bdi>
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('portal.registeredAt')}</dt>
        <dd>{formatDate(facts.registeredAt)}</dd>
      </div>
      <div className="details__row">
        <dt>{t('portal.trackingCode')}</dt>
        <dd>
          <bdi dir="ltr">{facts.trackingCode}</bdi>
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('portal.verify.signedWith')}</dt>
        <dd>{t(`portal.verify.methods.${facts.signedWith}`)}</dd>
      </div>
    </dl>
  );
}
