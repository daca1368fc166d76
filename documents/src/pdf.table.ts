import type { Doc } from './pdf.document.js';
import { fit, line, type Align } from './text.line.js';

export interface TableColumn {
  header: string;
  /** A share of the table's width (the shares are normalised). */
  weight: number;
  /** Where the text sits in its cell: `start` is the reading side (right in an RTL table), `end` the other; numbers go at `end`. */
  align?: 'start' | 'end' | 'center';
}

export interface TableOptions {
  x: number;
  y: number;
  width: number;
  columns: TableColumn[];
  rows: string[][];
  /** Right to left: the first column on the right. */
  rtl: boolean;
  fontSize?: number;
  rowHeight?: number;
  /** Where a page ends: a row that would cross it goes to a new page, under the header again. */
  bottom: number;
  /** Where a new page's table starts. */
  top: number;
  ink?: string;
  muted?: string;
  rule?: string;
  headerFill?: string;
}

/**
 * Draws a table of text (one line per cell, cut with an ellipsis when too long), column order and
 * alignment following the reading direction, the header repeated on each new page. Returns the y
 * under the table.
 */
export function table(doc: Doc, o: TableOptions): number {
  const size = o.fontSize ?? 10;
  const height = o.rowHeight ?? size * 2;
  const pad = 5;
  const total = o.columns.reduce((s, c) => s + c.weight, 0);
  // Cells' left edges in drawing order: the first column on the reading side.
  const widths = o.columns.map((c) => (c.weight / total) * o.width);
  const lefts: number[] = [];
  let cursor = o.rtl ? o.x + o.width : o.x;
  for (const w of widths) {
    if (o.rtl) {
      cursor -= w;
      lefts.push(cursor);
    } else {
      lefts.push(cursor);
      cursor += w;
    }
  }
  const alignOf = (c: TableColumn): Align => {
    const a = c.align ?? 'start';
    if (a === 'center') return 'center';
    return (a === 'start') !== o.rtl ? 'left' : 'right';
  };
  const baseline = (y: number) => y + (height - size * 1.25) / 2;

  const header = (y: number) => {
    doc.save().rect(o.x, y, o.width, height).fill(o.headerFill ?? '#eef2f0').restore();
    doc.font('bold').fontSize(size).fillColor(o.muted ?? '#4b5563');
    o.columns.forEach((c, i) => line(doc, fit(doc, c.header, widths[i]! - 2 * pad), lefts[i]! + pad, baseline(y), alignOf(c), widths[i]! - 2 * pad));
    return y + height;
  };

  let y = header(o.y);
  for (const row of o.rows) {
    if (y + height > o.bottom) {
      doc.addPage();
      y = header(o.top);
    }
    doc.font('regular').fontSize(size).fillColor(o.ink ?? '#1f2937');
    o.columns.forEach((c, i) => line(doc, fit(doc, row[i] ?? '', widths[i]! - 2 * pad), lefts[i]! + pad, baseline(y), alignOf(c), widths[i]! - 2 * pad));
    doc.moveTo(o.x, y + height).lineTo(o.x + o.width, y + height).lineWidth(0.4).strokeColor(o.rule ?? '#d1d5db').stroke();
    y += height;
  }
  return y;
}
