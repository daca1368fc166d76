import type { MailStatus } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import './mail-status.css';

/** A mail's status as a coloured badge whose text says it (colour is never the only cue). */
export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-badge status-badge--${status}`} data-testid="mail-status" data-status={status}>
      {t(`statuses.${status}`)}
    </span>
  );
}
