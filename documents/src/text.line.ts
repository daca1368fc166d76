import type PDFDocument from 'pdfkit';
import { hasRtlLetters, visualRuns } from './bidi.text.js';

type Doc = InstanceType<typeof PDFDocument>;
export type Align = 'left' | 'right' | 'center';

const blank = (s: string) => /^\s+$/.test(s);

/** The pieces of a line in the order they are drawn, left to right (inside an RTL run, its words reversed). */
function pieces(text: string): string[] {
  return visualRuns(text, 'auto').flatMap((r) => {
    const tokens = r.text.split(/(\s+)/).filter(Boolean);
    // an RTL run with letters: its words right to left (the shaper turns each word); a neutral one came reversed already
    return r.rtl && hasRtlLetters(r.text) ? tokens.reverse() : [r.text];
  });
}

/** The width one line takes with the document's current font and size. */
export function lineWidth(doc: Doc, text: string): number {
  const space = doc.widthOfString(' ');
  return pieces(text).reduce((sum, p) => sum + (blank(p) ? space * p.length : doc.widthOfString(p)), 0);
}

/**
 * Draws one line of mixed-direction text: runs in visual order, and inside an RTL run the words
 * right to left, each word shaped by fontkit. Words are placed one by one because pdfkit drops the
 * spaces of a run that fontkit laid out right to left.
 */
export function line(doc: Doc, text: string, x: number, y: number, align: Align, width: number): void {
  const parts = pieces(text);
  const space = doc.widthOfString(' ');
  const widths = parts.map((p) => (blank(p) ? space * p.length : doc.widthOfString(p)));
  const total = widths.reduce((a, b) => a + b, 0);
  let cursor = align === 'left' ? x : align === 'right' ? x + width - total : x + (width - total) / 2;
  parts.forEach((p, i) => {
    if (!blank(p)) doc.text(p, cursor, y, { lineBreak: false });
    cursor += widths[i]!;
  });
}

/** Greedy word wrap on the logical text; each line is then laid out by {@link line}. */
export function wrap(doc: Doc, text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && lineWidth(doc, next) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/** The text cut with an ellipsis so that it fits the width (table cells, chart labels). */
export function fit(doc: Doc, text: string, width: number): string {
  if (lineWidth(doc, text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && lineWidth(doc, `${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
