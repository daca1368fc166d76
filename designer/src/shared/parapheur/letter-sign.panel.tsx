import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MailDto, SigningStepDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiFetch } from '../api/api.client';
import { isApiError } from '../api/api.error';
import { apiUpload } from '../api/api.upload';
import { useApiQuery } from '../api/use-api-query';
import { useErrorMessage } from '../i18n/use-error-message';
import { FormField } from '../ui/form-field';
import './letter-sign.css';

const signPath = (mailId: string) => `/api/mails/${encodeURIComponent(mailId)}/document/sign`;

/**
 * "Sign the letter" (توقيع الرسالة) on the page of an outgoing mail whose open signature step
 * (`diwan.action` = sign) the user holds: their PKCS#12 file and its password (sent for this
 * signature only; the field is emptied after), or the administration's seal when the step allows
 * it. Once signed, `onSigned` refreshes the verification panel, and a link leads to the step.
 */
export function LetterSignPanel({ mail, onSigned }: { mail: MailDto; onSigned: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useApiQuery<SigningStepDto>(`/api/mails/${encodeURIComponent(mail.id)}/document/signing`);
  const { refresh } = query;
  useEffect(() => refresh(), [mail, refresh]);
  const [method, setMethod] = useState<'own' | 'seal'>('own');
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const step = query.status === 'success' ? query.data.step : null;
  if (!step) return null;
  const busy = progress !== null;

  const forget = () => {
    setPassword('');
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };
  const sign = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (method === 'own' && (!file || !password)) {
      setError(t('parapheur.sign.needKey'));
      return;
    }
    setProgress(0);
    try {
      if (method === 'seal') {
        await apiFetch(signPath(mail.id), { method: 'POST', body: { seal: true } });
      } else {
        const form = new FormData();
        form.set('p12', file!, file!.name);
        form.set('password', password);
        await apiUpload({ path: signPath(mail.id), form, onProgress: setProgress });
      }
      onSigned();
      refresh();
    } catch (e) {
      // a wrong password or file: the engine says so in the user's language
      setError(isApiError(e) && e.status === 400 ? e.message : errorMessage(e));
    } finally {
      forget();
      setProgress(null);
    }
  };

  return (
    <section className="letter-sign" aria-labelledby="letter-sign-title" data-testid="letter-sign" data-signed={step.signed}>
      <h2 id="letter-sign-title">{t('parapheur.sign.title')}</h2>
      {step.signed ? (
        <p role="status" data-testid="letter-sign-done">
          {t('parapheur.sign.done')}{' '}
          <Link to={`/inbox/${encodeURIComponent(step.userTaskId)}`} data-testid="letter-sign-step">
            {t('parapheur.sign.openStep')}
          </Link>
        </p>
      ) : (
        <form onSubmit={(e) => void sign(e)} autoComplete="off">
          <p className="muted">{t('parapheur.sign.intro')}</p>
          {step.sealAllowed && (
            <fieldset className="letter-sign__methods">
              <legend>{t('parapheur.sign.with')}</legend>
              <label>
                <input type="radio" name="sign-method" value="own" checked={method === 'own'} onChange={() => setMethod('own')} data-testid="letter-sign-own" /> {t('parapheur.sign.own')}
              </label>
              <label>
                <input type="radio" name="sign-method" value="seal" checked={method === 'seal'} onChange={() => setMethod('seal')} data-testid="letter-sign-seal" /> {t('parapheur.sign.seal')}
              </label>
            </fieldset>
          )}
          {method === 'own' && (
            <div className="form-grid">
              <FormField label={t('parapheur.sign.file')} required>
                {(control) => (
                  // the browser's own file button speaks the browser's language: ours speaks the user's
                  <span className="letter-sign__file">
                    <input {...control} ref={fileInput} type="file" className="visually-hidden" accept=".p12,.pfx,application/x-pkcs12" data-testid="letter-sign-file" disabled={busy} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
                    <button type="button" className="button button--secondary" disabled={busy} onClick={() => fileInput.current?.click()}>
                      {t('parapheur.sign.choose')}
                    </button>{' '}
                    <bdi data-testid="letter-sign-file-name">{file ? file.name : t('parapheur.sign.noFile')}</bdi>
                  </span>
                )}
              </FormField>
              <FormField label={t('parapheur.sign.password')} required>
                {(control) => (
                  <input {...control} type="password" autoComplete="off" data-testid="letter-sign-password" disabled={busy} value={password} onChange={(e) => setPassword(e.target.value)} />
                )}
              </FormField>
            </div>
          )}
          <button type="submit" className="button button--primary" data-testid="letter-sign-submit" disabled={busy} aria-busy={busy}>
            {busy ? t('parapheur.sign.signing') : t('parapheur.sign.submit')}
          </button>
          {busy && <progress className="letter-sign__progress" max={1} value={progress ?? undefined} aria-label={t('parapheur.sign.signing')} />}
          {error && (
            <p className="field__error" role="alert" data-testid="letter-sign-error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
