import { MAIL_CHANNELS, MAIL_DIRECTIONS, type DashboardDto, type ReceivedFigures } from '@diwan/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../shared/i18n/format-number';
import { CHART_COLORS, horizontalBars } from './chart.options';
import { EChart } from './echart';
import { FiguresTable } from './figures.table';
import { useChartLook } from './use-chart-look';

const SPANS = ['today', 'week', 'month'] as const;
type Span = (typeof SPANS)[number];

/** Mails received today, this week and this month: three figures, then by channel and by direction. */
export function ReceivedSection({ received }: { received: DashboardDto['received'] }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-received-title" data-testid="dashboard-received">
      <h2 id="dashboard-received-title">{t('dashboard.received.title')}</h2>
      <div className="dashboard-figures">
        {SPANS.map((span) => (
          <p key={span} className="dashboard-figure" data-testid={`dashboard-received-${span}`} data-count={received[span].total}>
            <strong className="dashboard-figure__value">{formatNumber(received[span].total)}</strong>
            <span className="dashboard-figure__label">{t(`dashboard.received.${span}`)}</span>
          </p>
        ))}
      </div>
      <div className="dashboard-grid">
        <SplitChart received={received} dimension="byChannel" keys={MAIL_CHANNELS} nameOf={(key) => t(`channels.${key}`)} />
        <SplitChart received={received} dimension="byDirection" keys={MAIL_DIRECTIONS} nameOf={(key) => t(`directions.${key}`)} />
      </div>
    </section>
  );
}

interface SplitChartProps<K extends string> {
  received: DashboardDto['received'];
  dimension: 'byChannel' | 'byDirection';
  keys: readonly K[];
  nameOf: (key: K) => string;
}

/** One bar per channel (or direction), today, this week and this month side by side. */
function SplitChart<K extends string>({ received, dimension, keys, nameOf }: SplitChartProps<K>) {
  const { t } = useTranslation();
  const look = useChartLook();
  const count = (span: Span, key: K) => (received[span][dimension] as ReceivedFigures['byChannel'] & Record<string, number | undefined>)[key] ?? 0;
  // channels nobody used this month make empty rows: leave them out
  const shown = keys.filter((key) => count('month', key) > 0);
  const names = shown.map(nameOf);
  const series = SPANS.map((span, index) => ({ name: t(`dashboard.received.${span}`), values: shown.map((key) => count(span, key)), color: CHART_COLORS[index]! }));
  const signature = JSON.stringify([names, series]);
  // a new option (and a redraw) only when the figures or the language changed
  const option = useMemo(() => horizontalBars(look, names, series), [look, signature]);
  const title = t(`dashboard.received.${dimension}`);
  // what screen readers read for the chart: "Counter: 2 today, 5 this week, 9 this month ; …"
  const summaryRow = (key: K) =>
    t('dashboard.received.summaryRow', { name: nameOf(key), today: look.formatValue(count('today', key)), week: look.formatValue(count('week', key)), month: look.formatValue(count('month', key)) });
  return (
    <div className="dashboard-card" data-testid={`dashboard-received-${dimension}`}>
      <h3>{title}</h3>
      {shown.length === 0 ? (
        <p className="muted">{t('dashboard.received.none')}</p>
      ) : (
        <>
          <EChart option={option} label={`${title}: ${shown.map((key) => summaryRow(key)).join(' ; ')}`} height={48 + shown.length * 44} />
          <FiguresTable
            caption={title}
            headers={[t(`dashboard.received.${dimension === 'byChannel' ? 'channel' : 'direction'}`), ...SPANS.map((span) => t(`dashboard.received.${span}`))]}
            rows={shown.map((key) => ({ key, cells: [nameOf(key), ...SPANS.map((span) => look.formatValue(count(span, key)))] }))}
          />
        </>
      )}
    </div>
  );
}
