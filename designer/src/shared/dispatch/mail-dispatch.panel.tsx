import { useEffect, useState } from 'react';
import type { MailDispatchDto, MailDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/use-api-query';
import { useFormatDate } from '../i18n/format-date';
import { useErrorMessage } from '../i18n/use-error-message';
import { useSession } from '../session/use-session';
import { confirmPosted, mailDispatchPath, openDispatchDocument, type DispatchDocument } from './mail-dispatch.api';
import './mail-dispatch.css';

/**
 * The dispatch of an outgoing mail (expédition · الإرسال): how and when it left, or that it waits
 * for the post; the printable slip and envelope; the registry clerk's confirmation of the posting.
 * `mail` changes on every live `mail.updated`, which refreshes the dispatch too.
 */
export function MailDispatchPanel({ mail }: { mail: MailDto }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const roles = useSession()?.user.roles ?? [];
  const query = useApiQuery<{ dispatch: MailDispatchDto | null }>(mailDispatchPath(mail.id));
  const { refresh } = query;
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => refresh(), [mail, refresh]);

  const open = (document: DispatchDocument) => {
    setError(null);
    openDispatchDocument(mail.id, document).catch((e: unknown) => setError(errorMessage(e)));
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await confirmPosted(mail.id, reference);
      refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const dispatch = query.status === 'success' ? query.data.dispatch : null;
  const clerk = roles.includes('registrar') || roles.includes('admin');
  return (
    <div className="mail-dispatch" data-testid="mail-dispatch" data-state={dispatch?.state ?? 'none'}>
      <h3>{t('dispatch.title')}</h3>
      {query.status === 'loading' && <p className="muted">{t('dispatch.loading')}</p>}
      {query.status === 'error' && <p role="alert">{errorMessage(query.error)}</p>}
      {query.status === 'success' && !dispatch && <p className="muted">{t('dispatch.none')}</p>}
      {dispatch && (
        <p role="status" data-testid="mail-dispatch-status">
          {t(`dispatch.state.${dispatch.state}`, { means: t(`dispatch.means.${dispatch.means}`), date: formatDate(dispatch.at) })}
          {dispatch.recipient && (
            <>
              <br />
              {t('dispatch.recipient')} <bdi>{dispatch.recipient}</bdi>
            </>
          )}
          {dispatch.means === 'post' && dispatch.reference && (
            <>
              <br />
              {t('dispatch.postReference')} <bdi>{dispatch.reference}</bdi>
            </>
          )}
        </p>
      )}
      {mail.correspondent && (
        <div className="mail-dispatch__actions">
          <button type="button" className="button button--secondary" onClick={() => open('slip')} data-testid="dispatch-slip">
            {t('dispatch.printSlip')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => open('envelope-DL')} data-testid="dispatch-envelope">
            {t('dispatch.printEnvelope', { size: 'DL' })}
          </button>
          <button type="button" className="button button--ghost" onClick={() => open('envelope-C5')}>
            {t('dispatch.printEnvelope', { size: 'C5' })}
          </button>
        </div>
      )}
      {clerk && dispatch?.state === 'awaiting_post' && (
        <form
          className="mail-dispatch__confirm"
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <label className="field">
            <span className="field__label">{t('dispatch.postReferenceOptional')}</span>
            <input className="field__input" value={reference} maxLength={100} dir="ltr" onChange={(e) => setReference(e.target.value)} data-testid="dispatch-reference" />
          </label>
          <button type="submit" className="button" disabled={busy} data-testid="dispatch-confirm">
            {t('dispatch.confirmPosted')}
          </button>
        </form>
      )}
      {error && <p role="alert" className="mail-dispatch__error">{error}</p>}
    </div>
  );
}
