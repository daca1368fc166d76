import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../shared/errors.js';

/**
 * A limit per key (a client address: req.ip, the socket's address or the one the configured proxy
 * gives, see DIWAN_TRUST_PROXY), in memory (one engine node; a shared store would be needed beyond).
 */
export function rateLimiter(points: number, durationSeconds: number, what: string) {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  return async (key: string) => {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const wait = Math.ceil(res.msBeforeNext / 1000);
      throw new TooManyRequestsError(`Too many ${what}; try again in ${wait} s`, wait);
    }
  };
}
