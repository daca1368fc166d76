import { describe, expect, it } from '@jest/globals';
import { AFTER_SUCCESS_MS, FIRST_BACK_OFF_MS, MAX_BACK_OFF_MS, pollPace } from './poll.pace.js';

describe('the workers poll pace', () => {
  it('fetches again at once after a fetch that worked', () => {
    const pace = pollPace();
    expect(pace.interval).toBe(AFTER_SUCCESS_MS);
    pace.succeeded();
    expect(pace.interval).toBe(AFTER_SUCCESS_MS);
  });

  it('backs off from 500 ms to 10 s while the runtime fails, and is back at once when it answers', () => {
    // given a runtime that does not answer
    const pace = pollPace();
    const waits = Array.from({ length: 8 }, () => {
      pace.failed();
      return pace.interval;
    });
    // then the waits double up to the cap
    expect(waits).toEqual([FIRST_BACK_OFF_MS, 1000, 2000, 4000, 8000, MAX_BACK_OFF_MS, MAX_BACK_OFF_MS, MAX_BACK_OFF_MS]);
    // when it answers again, the next fetch follows at once
    pace.succeeded();
    expect(pace.interval).toBe(AFTER_SUCCESS_MS);
  });
});
