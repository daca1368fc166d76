import type { DashboardDto, OpenWorkRow } from '@diwan/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatNumber } from '../../shared/i18n/format-number';
import { useSession } from '../../shared/session/use-session';
import { horizontalBars } from './chart.options';
import type { DashboardFilters } from './dashboard.query';
import { EChart } from './echart';
import { openMailsRoute, type OpenMailsScope, type OpenState } from './open-mails.link';
import { useChartLook } from './use-chart-look';

const STATES: OpenState[] = ['open', 'overdue', 'atRisk'];
const COLORS = { overdue: '#b42318', atRisk: '#9a6700', onTrack: '#0e5e57' };

/** Open mails, how many are late and how many at risk, by department and by person; every count opens its list. */
export function OpenWorkSection({ open, filters: chosen }: { open: DashboardDto['open']; filters: DashboardFilters }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const filters = useLinkScope(chosen);
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-open-title" data-testid="dashboard-open">
      <h2 id="dashboard-open-title">{t('dashboard.open.title')}</h2>
      <p className="muted">{t('dashboard.open.intro', { count: filters.riskDays, days: formatNumber(filters.riskDays) })}</p>
      <div className="dashboard-figures">
        {STATES.map((state) => (
          <Link
            key={state}
            to={openMailsRoute({ state }, filters)}
            className={`dashboard-figure dashboard-figure--link dashboard-figure--${state}`}
            data-testid={`dashboard-open-${state}`}
            data-count={open[state === 'open' ? 'total' : state]}
          >
            <strong className="dashboard-figure__value">{formatNumber(open[state === 'open' ? 'total' : state])}</strong>
            <span className="dashboard-figure__label">{t(`dashboard.open.${state}`)}</span>
          </Link>
        ))}
      </div>
      <div className="dashboard-grid">
        <OpenWorkBlock rows={open.byDepartment} dimension="department" filters={filters} />
        <OpenWorkBlock rows={open.byPerson} dimension="person" filters={filters} />
      </div>
    </section>
  );
}

/**
 * The filters the register links carry. A head's dashboard counts his departments only: with one
 * department, its lists are that department's (with several, the totals add the departments up and
 * the register cannot list them as one).
 */
function useLinkScope(filters: DashboardFilters): DashboardFilters {
  const user = useSession()?.user;
  const seesAll = !user || user.roles.includes('admin') || user.roles.includes('supervisor');
  const own = !seesAll && user.departments.length === 1 ? user.departments[0]! : '';
  return filters.department || !own ? filters : { ...filters, department: own };
}

interface OpenWorkBlockProps {
  rows: OpenWorkRow[];
  dimension: 'department' | 'person';
  filters: DashboardFilters;
}

function OpenWorkBlock({ rows, dimension, filters }: OpenWorkBlockProps) {
  const { t } = useTranslation();
  const look = useChartLook();
  const title = t(`dashboard.open.by.${dimension}`);
  const scope = (row: OpenWorkRow, state: OpenState): OpenMailsScope => (dimension === 'department' ? { department: row.key, state } : { assignee: row.key, state });
  const signature = JSON.stringify(rows);
  const option = useMemo(
    () =>
      horizontalBars(
        look,
        rows.map((row) => row.label),
        [
          { name: t('dashboard.open.overdue'), values: rows.map((row) => row.overdue), color: COLORS.overdue },
          { name: t('dashboard.open.atRisk'), values: rows.map((row) => row.atRisk), color: COLORS.atRisk },
          { name: t('dashboard.open.onTrack'), values: rows.map((row) => Math.max(0, row.open - row.overdue - row.atRisk)), color: COLORS.onTrack },
        ],
        { stacked: true },
      ),
    [look, signature, t],
  );
  const label = `${title}: ${rows
    .map((row) => t('dashboard.open.summaryRow', { name: row.label, open: look.formatValue(row.open), overdue: look.formatValue(row.overdue), atRisk: look.formatValue(row.atRisk) }))
    .join(' ; ')}`;

  return (
    <div className="dashboard-card" data-testid={`dashboard-open-by-${dimension}`}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('dashboard.open.none')}</p>
      ) : (
        <>
          <EChart option={option} label={label} height={56 + Math.min(rows.length, 12) * 34} />
          <div className="dashboard-table__scroll">
            <table className="dashboard-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`dashboard.open.column.${dimension}`)}</th>
                  {STATES.map((state) => (
                    <th key={state} scope="col" className="dashboard-table__number">
                      {t(`dashboard.open.${state}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-key={row.key}>
                    <th scope="row">
                      <bdi>{row.label}</bdi>
                    </th>
                    {STATES.map((state) => {
                      const count = state === 'open' ? row.open : row[state];
                      return (
                        <td key={state} className="dashboard-table__number" data-state={state} data-count={count}>
                          {count === 0 ? (
                            look.formatValue(0)
                          ) : (
                            <Link to={openMailsRoute(scope(row, state), filters)} aria-label={t(`dashboard.open.linkLabel.${state}`, { count, name: row.label, n: look.formatValue(count) })}>
                              {look.formatValue(count)}
                            </Link>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
