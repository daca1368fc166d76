import { diffWordsWithSpace } from 'diff';
import { blocksText } from '@diwan/documents';
import { letterBlocks } from '@diwan/documents';
import type { LetterCompareDto } from '@diwan/contracts';

/** The plain text of a version as it reads (merge fields filled, numbers kept in left-to-right isolates), one line per paragraph. */
export function letterText(html: string, fields: Record<string, string>): string {
  return blocksText(letterBlocks(html, fields));
}

/** A word-level comparison of two versions' text (jsdiff), as same / inserted / removed segments. */
export function compareTexts(from: { number: number; text: string }, to: { number: number; text: string }): LetterCompareDto {
  const segments = diffWordsWithSpace(from.text, to.text).map((change) => ({
    kind: change.added ? ('inserted' as const) : change.removed ? ('removed' as const) : ('same' as const),
    text: change.value,
  }));
  return { from: from.number, to: to.number, segments };
}
