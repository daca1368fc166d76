import { CIRCUIT_STATS_PERIODS, type CircuitStatsPeriod } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { HEAT_METRICS, type HeatMetric } from './heat.scale';

interface HeatControlsProps {
  metric: HeatMetric;
  period: CircuitStatsPeriod;
  onMetric: (metric: HeatMetric) => void;
  onPeriod: (period: CircuitStatsPeriod) => void;
}

/** What colours the diagram (passes or average time) and which instances the history covers. */
export function HeatControls({ metric, period, onMetric, onPeriod }: HeatControlsProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar heat-controls">
      <div className="heat-controls__metric" role="group" aria-labelledby="heat-metric-label">
        <span id="heat-metric-label" className="field__label">
          {t('circuitLive.heat.colourBy')}
        </span>
        <span className="heat-controls__buttons">
          {HEAT_METRICS.map((m) => (
            <button
              key={m}
              type="button"
              className="button button--small heat-controls__button"
              aria-pressed={m === metric}
              data-testid={`heat-metric-${m}`}
              onClick={() => onMetric(m)}
            >
              {t(`circuitLive.heat.metric.${m}`)}
            </button>
          ))}
        </span>
      </div>
      <label className="field">
        <span className="field__label">{t('circuitLive.heat.period')}</span>
        <select className="field__input" value={period} data-testid="heat-period" onChange={(e) => onPeriod(e.target.value as CircuitStatsPeriod)}>
          {CIRCUIT_STATS_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`circuitLive.heat.periods.${p}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
