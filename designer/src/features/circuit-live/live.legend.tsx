import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import type { CircuitStatsDto } from './circuit-live.api';
import { HEAT_STOPS, type Heat } from './heat.scale';

interface LiveLegendProps {
  heat: Heat;
  stats: CircuitStatsDto;
  /** The value as it is written under a step (a count, or a duration in words). */
  format: (value: number) => string;
}

/**
 * What the colours and badges on the diagram mean: the heat scale with the real smallest and
 * largest value of the coloured steps, what those figures cover, and the live badges' meaning.
 * No history, no scale: it says so in words.
 */
export function LiveLegend({ heat, stats, format }: LiveLegendProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stops = HEAT_STOPS[heat.metric];
  const state = heat.min === null || heat.max === null ? 'empty' : heat.min === heat.max ? 'single' : 'scale';
  const since = stats.since && new Intl.DateTimeFormat(language, { dateStyle: 'long', numberingSystem: 'latn' }).format(new Date(stats.since));
  const coverage = since ? t('circuitLive.heat.coverageSince', { date: since }) : t('circuitLive.heat.coverageAll');

  return (
    <section className="heat-legend" aria-label={t('circuitLive.legend.label')} data-testid="heat-legend" data-metric={heat.metric} data-state={state}>
      <h2 className="heat-legend__title">{t(`circuitLive.heat.title.${heat.metric}`)}</h2>
      {state === 'empty' ? (
        <p className="heat-legend__empty" data-testid="heat-legend-empty">
          {t(`circuitLive.heat.empty.${heat.metric}`)}
        </p>
      ) : state === 'single' ? (
        <p className="heat-legend__single">
          <span className="heat-legend__swatch" style={{ background: heat.colourOf(heat.max!) }} aria-hidden="true" />
          <span data-testid="heat-legend-max" data-value={heat.max}>
            {t('circuitLive.heat.single', { value: format(heat.max!) })}
          </span>
        </p>
      ) : (
        <div className="heat-legend__scale">
          <span className="heat-legend__end" data-testid="heat-legend-min" data-value={heat.min}>
            <small>{t('circuitLive.heat.min')}</small> {format(heat.min!)}
          </span>
          <span className="heat-legend__bar" style={{ '--heat-stops': stops.join(', ') } as CSSProperties} role="img" aria-label={t('circuitLive.heat.scaleLabel', { min: format(heat.min!), max: format(heat.max!) })} />
          <span className="heat-legend__end" data-testid="heat-legend-max" data-value={heat.max}>
            <small>{t('circuitLive.heat.max')}</small> {format(heat.max!)}
          </span>
        </div>
      )}
      <p className="heat-legend__coverage" data-testid="heat-legend-coverage">
        {coverage}
        {heat.metric === 'duration' && ` ${t('circuitLive.heat.averageCovers', { limit: new Intl.NumberFormat(language, { numberingSystem: 'latn' }).format(stats.averageSampleLimit) })}`}
        {heat.metric === 'count' && ` ${t('circuitLive.heat.countCovers')}`}
      </p>
      <ul className="live-legend">
        <li>
          <span className="live-badge live-badge--running live-badge--key" aria-hidden="true" />
          {t('circuitLive.legend.running')}
        </li>
        <li>
          <span className="live-badge live-badge--incident live-badge--key" aria-hidden="true">
            ⚠
          </span>
          {t('circuitLive.legend.incidents')}
        </li>
        <li>
          <span className="heat-legend__swatch heat-legend__swatch--none" aria-hidden="true" />
          {t(`circuitLive.heat.uncoloured.${heat.metric}`)}
        </li>
      </ul>
    </section>
  );
}
