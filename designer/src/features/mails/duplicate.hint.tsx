import type { MailDto } from '@diwan/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDebouncedValue } from '../../shared/hooks/use-debounced-value';
import { useFormatDate } from '../../shared/i18n/format-date';
import { mailRoute } from '../../shared/routes/mail.routes';
import { findDuplicates, type DuplicateQuery } from './mails.api';
import type { CorrespondentChoice } from './mail-form.model';

/** Warns, without blocking, when mails with the same correspondent and letter reference exist. */
export function DuplicateHint({ correspondent, letterReference }: { correspondent: CorrespondentChoice; letterReference: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const current = duplicateQuery(correspondent, letterReference);
  const key = useDebouncedValue(current ? JSON.stringify(current) : '', 400);
  const [duplicates, setDuplicates] = useState<{ key: string; mails: MailDto[] }>({ key: '', mails: [] });

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    findDuplicates(JSON.parse(key) as DuplicateQuery, controller.signal).then(
      (mails) => setDuplicates({ key, mails }),
      () => undefined, // a hint only: no error box for it
    );
    return () => controller.abort();
  }, [key]);

  if (!key || duplicates.key !== key || duplicates.mails.length === 0) return null;
  return (
    <div className="alert alert--warning" role="status" data-testid="duplicate-hint">
      <p className="alert__title">{t('mailForm.duplicates.title', { count: duplicates.mails.length })}</p>
      <ul>
        {duplicates.mails.map((mail) => (
          <li key={mail.id}>
            <Link to={mailRoute(mail.id)} target="_blank" rel="noopener">
              <bdi>{mail.chronoNumber}</bdi>
            </Link>{' '}
            · <span dir="auto">{mail.subject}</span> · {formatDate(mail.registeredAt)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function duplicateQuery(correspondent: CorrespondentChoice, letterReference: string): DuplicateQuery | null {
  const reference = letterReference.trim();
  if (!reference || !correspondent) return null;
  if (correspondent.mode === 'existing') return { correspondentId: correspondent.correspondent.id, letterReference: reference };
  const name = correspondent.fields.name.trim();
  return name.length >= 2 ? { correspondentName: name, letterReference: reference } : null;
}
