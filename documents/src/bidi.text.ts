import { createRequire } from 'node:module';
import type bidiFactoryType from 'bidi-js';

// bidi-js is a UMD bundle whose types say ESM: load it as what it is.
const bidiFactory = createRequire(import.meta.url)('bidi-js') as (typeof bidiFactoryType)['default'];
const bidi = bidiFactory();

/** A piece of a line in one direction, in logical order; the font's shaper reverses an RTL run itself. */
export interface BidiRun {
  text: string;
  rtl: boolean;
}

/**
 * Splits a line into directional runs in visual order (left to right), by the
 * Unicode bidi algorithm (UAX #9, rules L1–L2 over runs). Each run keeps its
 * logical order: fontkit shapes Arabic (joining forms, ligatures) and lays an
 * RTL run out right to left, so only the order of the runs is ours to fix.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl' | 'auto' = 'auto'): BidiRun[] {
  if (line.length === 0) return [];
  const { levels, paragraphs } = bidi.getEmbeddingLevels(line, direction === 'auto' ? undefined : direction);
  const baseLevel = paragraphs[0]?.level ?? 0;
  // L1 (simplified): trailing whitespace takes the paragraph level.
  const lv: number[] = Array.from(levels);
  for (let i = lv.length - 1; i >= 0 && /\s/.test(line[i]!); i -= 1) lv[i] = baseLevel;

  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const last = runs[runs.length - 1];
    if (last && last.level === lv[i]) last.text += line[i];
    else runs.push({ text: line[i]!, level: lv[i]! });
  }
  // L2: from the highest level down to the lowest odd level, reverse every sequence of runs at that level or higher.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j += 1;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  // A neutral-only RTL run (spaces, dashes) has no strong letter for the shaper to turn: mirror it here.
  return runs.map((r) => {
    const rtl = r.level % 2 === 1;
    const text = rtl && !hasRtlLetters(r.text) ? mirror([...r.text].reverse().join('')) : r.text;
    return { text, rtl };
  });
}

/** Does the text hold a right-to-left letter (Hebrew, Arabic and their presentation forms)? A run without one is already in visual order. */
export function hasRtlLetters(text: string): boolean {
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(text);
}

const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };
const mirror = (s: string) => [...s].map((c) => MIRRORED[c] ?? c).join('');

/** Is the text mostly right to left (its first strong character is Arabic or Hebrew)? */
export function isRtl(text: string): boolean {
  return bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1;
}
