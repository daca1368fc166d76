import { useTranslation } from 'react-i18next';
import type { ActivityFigures } from './circuit-live.api';
import { takesTime, type DiagramElement } from './diagram-elements';
import { useFormatDuration } from '../../shared/i18n/format-duration';

interface StepTimeChartProps {
  activities: Record<string, ActivityFigures>;
  elements: Map<string, DiagramElement>;
}

/** Average time per step, longest first, as horizontal bars (plain CSS, growing from the start side). */
export function StepTimeChart({ activities, elements }: StepTimeChartProps) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const steps = Object.entries(activities)
    .flatMap(([id, figures]) => {
      const type = elements.get(id)?.type;
      if (figures.averageMs === null || (type !== undefined && !takesTime(type))) return [];
      return [{ id, name: elements.get(id)?.name ?? id, averageMs: figures.averageMs, sampled: figures.finishedSampled }];
    })
    .sort((a, b) => b.averageMs - a.averageMs);
  const longest = steps[0]?.averageMs ?? 0;

  return (
    <section className="step-time" aria-labelledby="step-time-title" data-testid="live-time-chart">
      <h2 id="step-time-title" className="step-time__title">
        {t('circuitLive.chart.title')}
      </h2>
      {steps.length === 0 ? (
        <p className="empty">{t('circuitLive.chart.empty')}</p>
      ) : (
        <ol className="step-time__list">
          {steps.map((step) => (
            <li key={step.id} className="step-time__row" data-testid="live-time-bar" data-activity-id={step.id}>
              <span className="step-time__name" title={step.id}>
                <bdi>{step.name}</bdi>
              </span>
              <span className="step-time__track" aria-hidden="true">
                <span className="step-time__bar" style={{ inlineSize: `${Math.max(2, (step.averageMs / Math.max(longest, 1)) * 100)}%` }} />
              </span>
              <span className="step-time__value" title={t('circuitLive.sampled', { count: step.sampled })}>
                {formatDuration(step.averageMs)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
