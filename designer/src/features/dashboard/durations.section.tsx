import type { CircuitDto, DashboardDto, DurationRow } from '@diwan/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { roundDurationFormatter, useFormatDuration } from '../../shared/i18n/format-duration';
import { useLanguage } from '../../shared/i18n/use-language';
import { circuitLiveRoute } from '../../shared/routes/circuit.routes';
import { horizontalBars } from './chart.options';
import { EChart } from './echart';
import { useChartLook } from './use-chart-look';

const DIMENSIONS = ['bySteps', 'byDepartment', 'byPerson'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const COLORS = { average: '#0e5e57', p90: '#a8792a' };

/** Average and 90th-percentile time per step, per department and per person, longest first. */
export function DurationsSection({ durations, circuits }: { durations: DashboardDto['durations']; circuits: CircuitDto[] }) {
  const { t } = useTranslation();
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-durations-title" data-testid="dashboard-durations">
      <h2 id="dashboard-durations-title">{t('dashboard.durations.title')}</h2>
      <p className="muted">{t('dashboard.durations.intro')}</p>
      <div className="dashboard-grid dashboard-grid--wide-first">
        {DIMENSIONS.map((dimension) => (
          <DurationBlock key={dimension} rows={durations[dimension]} dimension={dimension} circuits={circuits} />
        ))}
      </div>
    </section>
  );
}

interface DurationBlockProps {
  rows: DurationRow[];
  dimension: Dimension;
  circuits: CircuitDto[];
}

function DurationBlock({ rows, dimension, circuits }: DurationBlockProps) {
  const { t } = useTranslation();
  const look = useChartLook();
  const formatDuration = useFormatDuration();
  const language = useLanguage();
  const title = t(`dashboard.durations.${dimension}`);
  const sorted = [...rows].sort((a, b) => b.averageMs - a.averageMs);
  const shown = sorted.slice(0, 12);
  const signature = JSON.stringify(shown);
  const option = useMemo(
    () =>
      horizontalBars(
        look,
        shown.map((row) => (row.circuitLabel ? `${row.label} · ${row.circuitLabel}` : row.label)),
        [
          { name: t('dashboard.durations.average'), values: shown.map((row) => row.averageMs), color: COLORS.average },
          { name: t('dashboard.durations.p90'), values: shown.map((row) => row.p90Ms), color: COLORS.p90 },
        ],
        { format: formatDuration, axisFormat: roundDurationFormatter(language), integers: false },
      ),
    [look, signature, t, formatDuration, language],
  );
  const label = `${title}: ${shown
    .map((row) => t('dashboard.durations.summaryRow', { name: row.label, average: formatDuration(row.averageMs), p90: formatDuration(row.p90Ms) }))
    .join(' ; ')}`;
  // the live view of a circuit's latest version: its diagram with the time on each step
  const liveRouteOf = (row: DurationRow) => {
    const key = row.key.split(':')[0];
    const circuit = circuits.find((c) => c.key === key);
    return circuit ? circuitLiveRoute(circuit.id) : null;
  };

  return (
    <div className={`dashboard-card dashboard-card--${dimension}`} data-testid={`dashboard-durations-${dimension}`}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('dashboard.durations.none')}</p>
      ) : (
        <>
          <EChart option={option} label={label} height={64 + shown.length * 52} />
          <div className="dashboard-table__scroll">
            <table className="dashboard-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`dashboard.durations.column.${dimension}`)}</th>
                  {dimension === 'bySteps' && <th scope="col">{t('dashboard.durations.column.circuit')}</th>}
                  <th scope="col" className="dashboard-table__number">
                    {t('dashboard.durations.count')}
                  </th>
                  <th scope="col" className="dashboard-table__number">
                    {t('dashboard.durations.average')}
                  </th>
                  <th scope="col" className="dashboard-table__number">
                    {t('dashboard.durations.p90')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((row) => {
                  const live = dimension === 'bySteps' ? liveRouteOf(row) : null;
                  return (
                    <tr key={row.key} data-key={row.key}>
                      <th scope="row">
                        <bdi>{row.label}</bdi>
                      </th>
                      {dimension === 'bySteps' && (
                        <td>
                          {live ? (
                            <Link to={live} title={t('dashboard.durations.openLive')}>
                              <bdi>{row.circuitLabel ?? ''}</bdi>
                            </Link>
                          ) : (
                            <bdi>{row.circuitLabel ?? ''}</bdi>
                          )}
                        </td>
                      )}
                      <td className="dashboard-table__number">{look.formatValue(row.count)}</td>
                      <td className="dashboard-table__number">{formatDuration(row.averageMs)}</td>
                      <td className="dashboard-table__number">{formatDuration(row.p90Ms)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
