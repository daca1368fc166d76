import type { PortalConfirmedDto, PortalDepositCreatedDto, PortalOptionsDto } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { DepositForm, type DepositDraft } from './deposit.form';
import { portalApi, verifyRoute } from './portal.api';
import { usePortalError } from './portal.errors';
import { PortalShell } from './portal.shell';
import { solveProofOfWork } from './proof-of-work';

type Step = { name: 'form' } | { name: 'code'; deposit: PortalDepositCreatedDto } | { name: 'done'; result: PortalConfirmedDto };

/** `/portal`: deposit a correspondence or a complaint, confirm it with the code, get the number, the tracking code and the receipt. */
export function PortalPage() {
  const { t } = useTranslation();
  const options = useApiQuery<PortalOptionsDto>('/api/public/portal/options');
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const portalError = usePortalError();

  async function deposit(draft: DepositDraft, files: File[]) {
    setBusy(true);
    setError(null);
    try {
      const { challenge, bits } = await portalApi.challenge();
      const nonce = await solveProofOfWork(challenge, bits);
      setStep({ name: 'code', deposit: await portalApi.deposit({ ...draft, challenge, nonce }, files) });
    } catch (e) {
      setError(portalError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PortalShell testId="portal-page">
      <h1>{t('portal.title')}</h1>
      {step.name === 'form' && <p className="muted">{t('portal.intro')}</p>}
      {error && (
        <p className="alert alert--error" role="alert" data-testid="portal-error">
          {error}
        </p>
      )}
      {step.name === 'form' && options.status === 'loading' && <Loading>{t('common.loading')}</Loading>}
      {step.name === 'form' && options.status === 'error' && <ErrorMessage error={options.error} onRetry={options.retry} />}
      {step.name === 'form' && options.status === 'success' && <DepositForm options={options.data} busy={busy} onSubmit={(d, f) => void deposit(d, f)} />}
      {step.name === 'code' && <CodeStep deposit={step.deposit} onDone={(result) => setStep({ name: 'done', result })} onError={setError} />}
      {step.name === 'done' && <Done result={step.result} />}
      <p className="muted">
        <Link to={verifyRoute()}>{t('portal.verifyLink')}</Link>
      </p>
    </PortalShell>
  );
}

function CodeStep({ deposit, onDone, onError }: { deposit: PortalDepositCreatedDto; onDone: (r: PortalConfirmedDto) => void; onError: (m: string | null) => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const portalError = usePortalError();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [expiresAt, setExpiresAt] = useState(deposit.expiresAt);
  const [resent, setResent] = useState(false);

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    onError(null);
    try {
      onDone(await portalApi.confirm(deposit.id, code.trim()));
    } catch (e) {
      onError(portalError(e));
    } finally {
      setBusy(false);
    }
  }

  async function resend() {
    onError(null);
    try {
      setExpiresAt((await portalApi.resend(deposit.id)).expiresAt);
      setResent(true);
    } catch (e) {
      onError(portalError(e));
    }
  }

  return (
    <form className="portal__form" onSubmit={(e) => void confirm(e)} data-testid="portal-code-step">
      <p>{t(`portal.codeSent.${deposit.channel}`, { time: formatDate(expiresAt) })}</p>
      {resent && <p className="muted" role="status">{t('portal.resent')}</p>}
      <div className="field">
        <label className="field__label" htmlFor="portal-code">
          {t('portal.code')}
        </label>
        <input id="portal-code" className="field__input portal__code" dir="ltr" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} data-testid="portal-code" />
      </div>
      <div className="portal__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="portal-confirm">
          {t('portal.confirm')}
        </button>
        <button type="button" className="button" onClick={() => void resend()}>
          {t('portal.resend')}
        </button>
      </div>
    </form>
  );
}

function Done({ result }: { result: PortalConfirmedDto }) {
  const { t } = useTranslation();
  return (
    <div data-testid="portal-done" role="status">
      <p>{t('portal.registered')}</p>
      <dl className="details">
        <div className="details__row">
          <dt>{t('portal.chronoNumber')}</dt>
          <dd>
            <bdi className="portal__big" data-testid="portal-chrono">
              {result.chronoNumber}
            </bdi>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('portal.trackingCode')}</dt>
          <dd>
            <bdi className="portal__big" dir="ltr" data-testid="portal-tracking">
              {result.trackingCode}
            </bdi>
          </dd>
        </div>
      </dl>
      <p className="muted">{t('portal.keepCode')}</p>
      <div className="portal__actions">
        <a className="button button--primary" href={result.receiptUrl} download data-testid="portal-receipt">
          {t('portal.downloadReceipt')}
        </a>
        <Link className="button" to={`/track/${encodeURIComponent(result.trackingCode)}`}>
          {t('portal.track')}
        </Link>
      </div>
    </div>
  );
}
