import type { ChartOption } from './echarts.setup';

/** How every dashboard chart reads: the page's direction, its font, its number format. */
export interface ChartLook {
  dir: 'rtl' | 'ltr';
  fontFamily: string;
  formatValue: (value: number) => string;
  /** The reader asked for less motion: bars and lines appear without moving. */
  reducedMotion: boolean;
}

/**
 * A text as ECharts should draw it. Its box is left to right (see echart.tsx), so an Arabic text is
 * embedded right to left (RLE … PDF): "9 من 10", "50 ث" and "Youssef · يوسف" then read as in the page.
 */
export function chartText(look: ChartLook, text: string): string {
  return look.dir === 'rtl' ? `\u202B${text}\u202C` : text;
}

export interface ChartSeries {
  name: string;
  values: number[];
  color: string;
}

export const CHART_COLORS = ['#0e5e57', '#a8792a', '#2f6feb', '#8a3ffc', '#b42318', '#1a7f37', '#56615c', '#d2691e'];

function base(look: ChartLook, series: ChartSeries[]): ChartOption {
  const rtl = look.dir === 'rtl';
  return {
    textStyle: { fontFamily: look.fontFamily, color: '#1c2421' },
    animation: !look.reducedMotion,
    animationDuration: 300,
    // the legend starts where the reader starts, its swatches before the words (on their right in Arabic)
    legend: series.length > 1 ? { top: 0, [rtl ? 'right' : 'left']: 0, align: rtl ? 'right' : 'left', textStyle: { fontFamily: look.fontFamily } } : { show: false },
    grid: { top: series.length > 1 ? 36 : 8, bottom: 8, left: 8, right: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? look.formatValue(value) : String(value ?? '')),
      textStyle: { fontFamily: look.fontFamily },
      extraCssText: `direction: ${look.dir}; text-align: start;`,
    },
  };
}

/**
 * Horizontal bars, one row per category: in Arabic the bars grow from the right and the names
 * stand on the right, as the text does.
 */
export function horizontalBars(
  look: ChartLook,
  categories: string[],
  series: ChartSeries[],
  {
    stacked = false,
    format = look.formatValue,
    axisFormat = format,
    integers = true,
  }: { stacked?: boolean; format?: (value: number) => string; axisFormat?: (value: number) => string; integers?: boolean } = {},
): ChartOption {
  const rtl = look.dir === 'rtl';
  const option = base(look, series);
  return {
    ...option,
    tooltip: { ...option.tooltip, valueFormatter: (value) => (typeof value === 'number' ? format(value) : '') },
    xAxis: { type: 'value', inverse: rtl, ...(integers ? { minInterval: 1 } : {}), axisLabel: { formatter: (value: number) => chartText(look, axisFormat(value)), hideOverlap: true } },
    // first category on top
    yAxis: { type: 'category', data: categories.map((c) => chartText(look, c)), inverse: true, position: rtl ? 'right' : 'left', axisLabel: { width: 180, overflow: 'truncate' } },
    series: series.map((s) => ({
      type: 'bar' as const,
      name: chartText(look, s.name),
      data: s.values,
      itemStyle: { color: s.color },
      ...(stacked ? { stack: 'total' } : {}),
      barMaxWidth: 22,
    })),
  };
}

/** Lines over time (the categories are the periods, oldest first; right to left in Arabic). */
export function lines(look: ChartLook, categories: string[], series: ChartSeries[], percent: (value: number) => string): ChartOption {
  const rtl = look.dir === 'rtl';
  const option = base(look, series);
  return {
    ...option,
    tooltip: { ...option.tooltip, axisPointer: { type: 'line' }, valueFormatter: (value) => (typeof value === 'number' ? percent(value) : '') },
    xAxis: { type: 'category', data: categories.map((c) => chartText(look, c)), inverse: rtl, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 1, position: rtl ? 'right' : 'left', axisLabel: { formatter: (value: number) => chartText(look, percent(value)) } },
    series: series.map((s) => ({
      type: 'line' as const,
      name: chartText(look, s.name),
      data: s.values.map((value) => (Number.isNaN(value) ? null : value)),
      itemStyle: { color: s.color },
      lineStyle: { color: s.color },
      connectNulls: true,
      symbolSize: 7,
    })),
  };
}
