import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import type { CircuitStatsDto } from './circuit-live.api';

/** Totals over the circuit and when they were computed; `data-computed-at` changes on each update. */
export function LiveSummary({ stats }: { stats: CircuitStatsDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = Object.values(stats.activities);
  const running = figures.reduce((sum, f) => sum + f.running, 0);
  const incidents = figures.reduce((sum, f) => sum + f.incidents, 0);
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium', numberingSystem: 'latn' }).format(new Date(stats.computedAt));
  return (
    <div className="live-summary">
      <p className="live-summary__figure" data-testid="live-total-running" data-count={running}>
        <strong>{running}</strong> {t('circuitLive.totalRunning', { count: running })}
      </p>
      <p className={`live-summary__figure${incidents > 0 ? ' live-summary__figure--alert' : ''}`} data-testid="live-total-incidents" data-count={incidents}>
        <strong>{incidents}</strong> {t('circuitLive.totalIncidents', { count: incidents })}
      </p>
      <p className="live-summary__updated" role="status" data-testid="live-updated-at" data-computed-at={stats.computedAt}>
        <span className="live-summary__pulse" aria-hidden="true" />
        {t('circuitLive.updatedAt', { time })}
      </p>
    </div>
  );
}
