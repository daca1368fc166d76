import { describe, expect, it } from '@jest/globals';
import { MAX_RETRIES, retriesLeft, retryTimeoutMs } from './failure-policy.js';

describe('retry arithmetic', () => {
  it('counts retries down from the maximum, starting on the first failure', () => {
    expect(retriesLeft({ retries: null })).toBe(MAX_RETRIES - 1);
    expect(retriesLeft({ retries: 3 })).toBe(2);
    expect(retriesLeft({ retries: 1 })).toBe(0);
    expect(retriesLeft({ retries: 0 })).toBe(0);
  });

  it('backs off more each time, within a cap', () => {
    const timeouts = [0, 1, 2, 3, 4, 5].map(retryTimeoutMs);
    expect(timeouts.slice(0, 4)).toEqual([2_000, 8_000, 32_000, 120_000]);
    expect(Math.max(...timeouts)).toBe(120_000);
  });
});
