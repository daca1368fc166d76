import { describe, expect, it } from '@jest/globals';
import { visualRuns } from './bidi.text.js';

describe('bidi runs', () => {
  it('orders an Arabic line with a number right to left, keeping the number left to right', () => {
    // given Arabic words around a number / when split into visual runs
    const runs = visualRuns('عدد 12 بحي');
    // then the last Arabic word comes first (leftmost), the number stays as it is
    expect(runs.map((r) => r.text.trim())).toEqual(['بحي', '12', 'عدد']);
    expect(runs.map((r) => r.rtl)).toEqual([true, false, true]);
  });

  it('leaves a French line as one left-to-right run', () => {
    expect(visualRuns('Accusé de réception')).toEqual([{ text: 'Accusé de réception', rtl: false }]);
  });

  it('keeps a neutral run between Arabic and a number in visual order, mirrored, its space beside the number', () => {
    // given "less than 1 s" in Arabic: "<" and a space, then a number, then a letter
    const runs = visualRuns('< 1 ث');
    // then, left to right: the letter, the number, then the space and the mirrored sign
    expect(runs.map((r) => r.text)).toEqual([' ث', '1', ' >']);
  });
});
