import { useTranslation } from 'react-i18next';
import type { ItemOutcome } from './bulk-result';

/** One row's outcome after a bulk act: "done", or "failed" with the engine's reason. */
export function OutcomeCell({ outcome }: { outcome: ItemOutcome | undefined }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.state === 'done') {
    return (
      <span className="badge operations-outcome operations-outcome--done" data-testid="operations-outcome" data-state="done">
        {t('operations.outcome.done')}
      </span>
    );
  }
  return (
    <span className="operations-outcome operations-outcome--failed" data-testid="operations-outcome" data-state="failed">
      <span className="badge">{t('operations.outcome.failed')}</span>{' '}
      <span dir="auto">{outcome.message}</span>
    </span>
  );
}
