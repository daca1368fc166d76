import { useTranslation } from 'react-i18next';
import { useRealtime } from './use-realtime';

/** Live indicator: a dot and a word; `data-state` is what the browser tests read. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const { state } = useRealtime();
  const connected = state === 'connected';
  return (
    <span
      className={`connection-status connection-status--${state}`}
      data-testid="connection-status"
      data-state={connected ? 'connected' : 'disconnected'}
      role="status"
      title={t('realtime.label')}
    >
      <span className="connection-status__dot" aria-hidden="true" />
      {t(`realtime.${state}`)}
    </span>
  );
}
