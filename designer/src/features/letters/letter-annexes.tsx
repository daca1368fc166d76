import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { apiUpload } from '../../shared/api/api.upload';
import { useErrorMessage } from '../../shared/i18n/use-error-message';

const mailPath = (mailId: string) => `/api/mails/${encodeURIComponent(mailId)}`;

/** The documents sent with the letter (annexes): listed, and added while the letter may change. */
export function LetterAnnexes({ mailId, editable }: { mailId: string; editable: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const [annexes, setAnnexes] = useState<MailDto['attachments']>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const show = (mail: MailDto) => setAnnexes(mail.attachments.filter((a) => a.role === 'annex'));

  useEffect(() => {
    apiFetch<MailDto>(mailPath(mailId)).then(show, (error: unknown) => setFailure(errorMessage(error)));
  }, [mailId, errorMessage]);

  const attach = async (files: FileList | null) => {
    if (!files?.length) return;
    const form = new FormData();
    for (const file of Array.from(files)) form.append('files', file, file.name);
    setBusy(true);
    setFailure(null);
    try {
      show(await apiUpload<MailDto>({ path: `${mailPath(mailId)}/letter/annexes`, form }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="letter-annexes" aria-label={t('letters.annexes')}>
      <h2>{t('letters.annexes')}</h2>
      {annexes.length === 0 ? (
        <p className="empty">{t('letters.noAnnex')}</p>
      ) : (
        <ul data-testid="letter-annexes">
          {annexes.map((a) => (
            <li key={a.id} dir="auto">
              {a.filename}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <label className="button button--secondary" aria-busy={busy}>
          {busy ? t('letters.attaching') : t('letters.attach')}
          <input ref={input} type="file" multiple hidden data-testid="letter-annex-input" disabled={busy} onChange={(e) => void attach(e.target.files)} />
        </label>
      )}
      {failure && (
        <p role="alert" className="alert alert--error">
          {failure}
        </p>
      )}
    </section>
  );
}
