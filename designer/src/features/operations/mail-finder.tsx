import type { MailDto, MailPage } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { MailStatusBadge } from '../../shared/ui/mail-status.badge';
import { mailsByChronoPath } from './operations.api';

/** Finds a mail by (part of) its chrono number; the instance tab works on the mail's circuit instance. */
export function MailFinder({ onPick }: { onPick: (mail: MailDto) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  const query = useApiQuery<MailPage>(searched ? mailsByChronoPath(searched) : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearched(text.trim());
  }

  return (
    <div className="operations-finder">
      <form className="toolbar" role="search" onSubmit={submit}>
        <label className="field">
          <span className="field__label">{t('operations.instance.chrono')}</span>
          <input className="field__input" dir="ltr" value={text} data-testid="instance-chrono" onChange={(event) => setText(event.target.value)} />
        </label>
        <button type="submit" className="button button--secondary" data-testid="instance-search" disabled={!text.trim()}>
          {t('operations.instance.search')}
        </button>
      </form>
      {searched && query.status === 'loading' && <Loading>{t('operations.instance.searching')}</Loading>}
      {searched && query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {searched && query.status === 'success' && query.data.items.length === 0 && <p className="empty">{t('operations.instance.noMail')}</p>}
      {searched && query.status === 'success' && query.data.items.length > 0 && (
        <ul className="operations-finder__results">
          {query.data.items.map((mail) => (
            <li key={mail.id}>
              <button type="button" className="button button--ghost operations-finder__mail" data-testid="instance-mail" data-chrono={mail.chronoNumber} onClick={() => onPick(mail)}>
                <bdi className="operations-finder__chrono">{mail.chronoNumber}</bdi> <MailStatusBadge status={mail.status} />{' '}
                <span dir="auto">{mail.subject}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
