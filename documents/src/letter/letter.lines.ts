import { createRequire } from 'node:module';
import type bidiFactoryType from 'bidi-js';
import { hasRtlLetters } from '../bidi.text.js';
import type { Doc } from '../pdf.document.js';
import type { Run } from './letter.blocks.js';
import { faceOf } from './letter.fonts.js';

const bidi = (createRequire(import.meta.url)('bidi-js') as (typeof bidiFactoryType)['default'])();

/** A word, a space or a line break, in one style (a styled word may be several tokens glued together). */
export interface Token {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  kind: 'word' | 'space' | 'break';
}

/** The runs of a block cut into tokens, in logical order. */
export function tokensOf(runs: Run[]): Token[] {
  return runs.flatMap((run) =>
    run.text
      .split(/(\n|[ \u00A0]+)/)
      .filter(Boolean)
      .map((text) => ({ ...run, text, kind: text === '\n' ? ('break' as const) : /^[ \u00A0]+$/.test(text) ? ('space' as const) : ('word' as const) })),
  );
}

const measure = (doc: Doc, token: Token, size: number) => doc.font(faceOf(token)).fontSize(size).widthOfString(token.text.replace(/[\u2066-\u2069]/g, ''));

/**
 * Greedy wrap over whole words (a word may span styles), forced breaks kept. Spaces at the start
 * and the end of a line are dropped.
 */
export function wrapTokens(doc: Doc, tokens: Token[], width: number, size: number): Token[][] {
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = 0;
  const trim = (l: Token[]) => {
    while (l.length && l[l.length - 1]!.kind === 'space') l.pop();
    while (l.length && l[0]!.kind === 'space') l.shift();
    return l;
  };
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token.kind === 'break') {
      lines.push(trim(line));
      line = [];
      used = 0;
      i += 1;
      continue;
    }
    if (token.kind === 'space') {
      line.push(token);
      used += measure(doc, token, size);
      i += 1;
      continue;
    }
    let j = i;
    while (j < tokens.length && tokens[j]!.kind === 'word') j += 1;
    const word = tokens.slice(i, j);
    const wordWidth = word.reduce((sum, t) => sum + measure(doc, t, size), 0);
    if (used + wordWidth > width && trim([...line]).length > 0) {
      lines.push(trim(line));
      line = [];
      used = 0;
    }
    line.push(...word);
    used += wordWidth;
    i = j;
  }
  lines.push(trim(line));
  return lines;
}

interface Piece extends Token {
  level: number;
}

const ISOLATES = /[\u2066-\u2069]/;
const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

/**
 * The tokens of one line in visual order (left to right), by the Unicode bidi algorithm over the
 * line's text with the paragraph's direction (rules L1–L2 on pieces of one level). An Arabic word
 * is drawn in logical order: fontkit shapes it and lays it out right to left.
 */
export function visualPieces(line: Token[], rtl: boolean): Piece[] {
  const text = line.map((t) => t.text).join('');
  if (!text) return [];
  const base = rtl ? 1 : 0;
  const levels = Array.from(bidi.getEmbeddingLevels(text, rtl ? 'rtl' : 'ltr').levels) as number[];
  for (let i = levels.length - 1; i >= 0 && /\s/.test(text[i]!); i -= 1) levels[i] = base;
  const pieces: Piece[] = [];
  let offset = 0;
  for (const token of line) {
    let first = true;
    for (let i = 0; i < token.text.length; i += 1) {
      // isolates (LRI … PDI around a chrono number) steer the levels but draw nothing
      if (ISOLATES.test(token.text[i]!)) continue;
      const level = levels[offset + i]!;
      const letter = hasRtlLetters(token.text[i]!);
      const last = pieces[pieces.length - 1];
      // a new piece where the level changes, and, right to left, between letters and punctuation
      // (the shaper turns the letters; punctuation is mirrored here)
      if (!first && last && last.level === level && (level % 2 === 0 || hasRtlLetters(last.text) === letter)) last.text += token.text[i];
      else pieces.push({ ...token, text: token.text[i]!, level });
      first = false;
    }
    offset += token.text.length;
  }
  const highest = Math.max(...pieces.map((p) => p.level));
  const lowestOdd = Math.min(...pieces.map((p) => (p.level % 2 === 1 ? p.level : p.level + 1)));
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < pieces.length; ) {
      if (pieces[i]!.level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < pieces.length && pieces[j]!.level >= level) j += 1;
      pieces.splice(i, j - i, ...pieces.slice(i, j).reverse());
      i = j;
    }
  }
  // a right-to-left piece without a right-to-left letter (":", "(", "-") is not turned by the shaper
  return pieces.map((p) => {
    if (p.kind === 'space') return p;
    if (p.level % 2 === 1 && !hasRtlLetters(p.text)) return { ...p, text: [...p.text].reverse().map((c) => MIRRORED[c] ?? c).join('') };
    // Arabic-Indic digits read left to right, but the shaper lays Arabic script right to left: hand it reversed
    if (p.level % 2 === 0 && hasRtlLetters(p.text)) return { ...p, text: [...p.text].reverse().join('') };
    return p;
  });
}

/** Draws one line at `y` within [x, x + width], aligned, each piece in its face, underlined where asked. */
export function drawLine(doc: Doc, line: Token[], opts: { x: number; y: number; width: number; size: number; rtl: boolean; align: 'left' | 'right' | 'center'; color: string }): void {
  const pieces = visualPieces(line, opts.rtl);
  const widths = pieces.map((p) => measure(doc, p, opts.size));
  const total = widths.reduce((a, b) => a + b, 0);
  let cursor = opts.align === 'left' ? opts.x : opts.align === 'right' ? opts.x + opts.width - total : opts.x + (opts.width - total) / 2;
  pieces.forEach((piece, i) => {
    if (piece.kind !== 'space') {
      doc.font(faceOf(piece)).fontSize(opts.size).fillColor(opts.color).text(piece.text, cursor, opts.y, { lineBreak: false, underline: piece.underline });
    } else if (piece.underline) {
      doc.save().moveTo(cursor, opts.y + opts.size * 1.15).lineTo(cursor + widths[i]!, opts.y + opts.size * 1.15).lineWidth(0.6).strokeColor(opts.color).stroke().restore();
    }
    cursor += widths[i]!;
  });
}
