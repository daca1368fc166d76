import { fit, line, type Doc } from '@diwan/documents';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartOptions {
  x: number;
  y: number;
  width: number;
  rtl: boolean;
  format: (value: number) => string;
  color: string;
  labelWidth?: number;
  barHeight?: number;
}

/**
 * A horizontal bar chart in vector graphics: one bar per item, its label on the reading side and its
 * value at the bar's end; in a right-to-left report the bars grow leftwards from the labels. Zero
 * values keep their row (a thin tick), so every category is accounted for. Returns the y below it.
 */
export function barChart(doc: Doc, bars: Bar[], o: BarChartOptions): number {
  const labelWidth = o.labelWidth ?? 130;
  const barHeight = o.barHeight ?? 14;
  const gap = 6;
  const valueWidth = 48;
  const area = o.width - labelWidth - valueWidth - 2 * gap;
  const max = Math.max(1, ...bars.map((b) => b.value));
  let y = o.y;
  for (const bar of bars) {
    const length = Math.max(1, (bar.value / max) * area);
    const text = y + (barHeight - 11 * 1.25) / 2;
    doc.font('regular').fontSize(10).fillColor('#374151');
    if (o.rtl) {
      const right = o.x + o.width;
      line(doc, fit(doc, bar.label, labelWidth), right - labelWidth, text, 'right', labelWidth);
      const barRight = right - labelWidth - gap;
      doc.save().rect(barRight - length, y, length, barHeight).fill(bar.value > 0 ? o.color : '#d1d5db').restore();
      doc.font('bold').fontSize(10).fillColor('#111827');
      line(doc, o.format(bar.value), barRight - length - gap - valueWidth, text, 'right', valueWidth);
    } else {
      line(doc, fit(doc, bar.label, labelWidth), o.x, text, 'left', labelWidth);
      const barLeft = o.x + labelWidth + gap;
      doc.save().rect(barLeft, y, length, barHeight).fill(bar.value > 0 ? o.color : '#d1d5db').restore();
      doc.font('bold').fontSize(10).fillColor('#111827');
      line(doc, o.format(bar.value), barLeft + length + gap, text, 'left', valueWidth);
    }
    y += barHeight + gap;
  }
  return y;
}
