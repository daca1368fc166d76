import { useEffect } from 'react';
import type { LetterSignaturesDto, MailDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/use-api-query';
import { useFormatDate } from '../i18n/format-date';
import './letter-signatures.css';

/**
 * The verification of a letter's signatures (التحقق من التوقيعات): who signed (and for whom, P.O.),
 * when, whether the signed bytes are intact, and whether the PDF changed afterwards, as the engine
 * reads them from the PDF itself. Refreshed when the mail changes (a signature, the registration).
 */
export function LetterSignaturesPanel({ mail }: { mail: MailDto }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const query = useApiQuery<LetterSignaturesDto>(`/api/mails/${encodeURIComponent(mail.id)}/document/signatures`);
  const { refresh } = query;
  useEffect(() => refresh(), [mail, refresh]);

  const signatures = query.status === 'success' ? query.data.signatures : [];
  return (
    <section className="letter-signatures" aria-labelledby="letter-signatures-title" data-testid="letter-signatures">
      <h2 id="letter-signatures-title">{t('signatures.title')}</h2>
      {query.status === 'loading' && <p className="empty">{t('signatures.loading')}</p>}
      {query.status !== 'loading' && signatures.length === 0 && <p className="empty">{t('signatures.none')}</p>}
      {signatures.length > 0 && (
        <ol className="letter-signatures__list">
          {signatures.map((s, i) => (
            <li key={i} className={s.intact ? 'letter-signatures__item' : 'letter-signatures__item letter-signatures__item--broken'}>
              <p>
                <strong>{s.kind === 'registration' ? t('signatures.registration') : t('signatures.signature')}</strong>{' '}
                <span className={s.intact ? 'badge badge--ok' : 'badge badge--secret'}>{s.intact ? t('signatures.intact') : t('signatures.broken')}</span>
              </p>
              <p>
                {t('signatures.certificate')} <bdi>{s.signer}</bdi> — {t('signatures.issuer')} <bdi>{s.issuer}</bdi>
              </p>
              {s.by && (
                <p>
                  {t('signatures.by')} <bdi>{s.by.displayName}</bdi>
                  {s.onBehalfOf && (
                    <>
                      {' '}
                      {t('signatures.onBehalfOf')} <bdi>{s.onBehalfOf.displayName}</bdi>
                    </>
                  )}
                </p>
              )}
              <p>
                {t('signatures.signedAt')} {formatDate(s.timestampedAt ?? s.signedAt)}
                {s.timestampedAt && <> ({t('signatures.timestamped')})</>}
              </p>
              <p className="letter-signatures__after">{s.modifiedAfter ? t('signatures.modifiedAfter', { count: s.laterSignatures }) : t('signatures.lastOne')}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
