import type { ComplianceSeries } from '@diwan/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatPercent } from '../../shared/i18n/format-number';
import { useLanguage } from '../../shared/i18n/use-language';
import { CHART_COLORS, lines } from './chart.options';
import { EChart } from './echart';
import { FiguresTable } from './figures.table';
import { useChartLook } from './use-chart-look';

/** Share of the mails closed each week that were closed by their deadline, per department. */
export function ComplianceSection({ compliance }: { compliance: ComplianceSeries[] }) {
  const { t } = useTranslation();
  const look = useChartLook();
  const language = useLanguage();
  const percent = useFormatPercent();
  const weeks = [...new Set(compliance.flatMap((series) => series.points.map((point) => point.week)))].sort();
  const weekLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', numberingSystem: 'latn', timeZone: 'UTC' });
    return (week: string) => format.format(new Date(`${week}T00:00:00Z`));
  }, [language]);
  const rateOf = (series: ComplianceSeries, week: string) => {
    const point = series.points.find((p) => p.week === week);
    return point && point.closed > 0 ? point.onTime / point.closed : Number.NaN;
  };
  const signature = JSON.stringify(compliance);
  const option = useMemo(
    () =>
      lines(
        look,
        weeks.map(weekLabel),
        compliance.map((series, index) => ({ name: series.label, values: weeks.map((week) => rateOf(series, week)), color: CHART_COLORS[index % CHART_COLORS.length]! })),
        percent,
      ),
    [look, signature, weekLabel, percent],
  );
  const cell = (series: ComplianceSeries, week: string) => {
    const point = series.points.find((p) => p.week === week);
    if (!point || point.closed === 0) return '—';
    return t('dashboard.compliance.cell', { rate: percent(point.onTime / point.closed), onTime: look.formatValue(point.onTime), closed: look.formatValue(point.closed) });
  };
  const title = t('dashboard.compliance.title');
  const last = weeks.at(-1);
  const label = `${title}: ${compliance
    .map((series) => (last ? t('dashboard.compliance.summaryRow', { name: series.label, week: weekLabel(last), value: cell(series, last) }) : series.label))
    .join(' ; ')}`;

  return (
    <section className="dashboard-section" aria-labelledby="dashboard-compliance-title" data-testid="dashboard-compliance">
      <h2 id="dashboard-compliance-title">{title}</h2>
      <p className="muted">{t('dashboard.compliance.intro')}</p>
      {weeks.length === 0 ? (
        <p className="muted">{t('dashboard.compliance.none')}</p>
      ) : (
        <div className="dashboard-card">
          <EChart option={option} label={label} height={300} />
          <FiguresTable
            caption={title}
            headers={[t('dashboard.compliance.department'), ...weeks.map((week) => t('dashboard.compliance.weekOf', { date: weekLabel(week) }))]}
            rows={compliance.map((series) => ({ key: series.department, cells: [series.label, ...weeks.map((week) => cell(series, week))] }))}
            testId="dashboard-compliance-table"
          />
        </div>
      )}
    </section>
  );
}
