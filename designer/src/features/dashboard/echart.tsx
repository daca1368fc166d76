import { useEffect, useRef } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts.setup';

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, in words: read by screen readers in place of the drawing. */
  label: string;
  height: number;
  testId?: string;
}

/**
 * One ECharts chart in a box that screen readers read as an image with `label`; the numbers are
 * also in a table beside it (see ChartTable). Redrawn when the option changes, resized with its box.
 */
export function EChart({ option, label, height, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // ECharts lays its texts out left to right (an inherited `rtl` would flip every SVG text anchor);
  // the mirroring for Arabic is in the option (chart.options.ts), the words keep their own direction.
  return <div ref={box} className="echart" dir="ltr" role="img" aria-label={label} style={{ blockSize: height }} data-testid={testId} />;
}
