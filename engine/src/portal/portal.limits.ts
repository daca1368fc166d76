import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../shared/errors.js';

/** One limit: `points` per `seconds` for a key; past it a 429 with Retry-After. In memory (one engine node). */
class Limit {
  private readonly limiter: RateLimiterMemory;
  constructor(
    points: number,
    seconds: number,
    private readonly what: string,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: seconds });
  }

  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const wait = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new TooManyRequestsError(`Too many ${this.what}; try again in ${wait} s`, wait);
    }
  }
}

/** The portal's rate limits: deposits per address and per phone, confirmations and challenges per address. */
export class PortalLimits {
  readonly depositsPerIp: Limit;
  readonly depositsPerPhone: Limit;
  readonly confirmationsPerIp = new Limit(60, 600, 'confirmation attempts');
  readonly challengesPerIp = new Limit(120, 600, 'challenges');
  readonly verificationsPerIp = new Limit(60, 600, 'verifications');

  constructor(perIp: number, perPhone: number) {
    this.depositsPerIp = new Limit(perIp, 3600, 'deposits from this address');
    this.depositsPerPhone = new Limit(perPhone, 3600, 'deposits for this phone number');
  }
}

/** The client's address as Express sees it (the configured proxy only), IPv4-mapped IPv6 unwrapped. */
export function clientAddress(ip: string | undefined): string {
  return (ip ?? 'unknown').replace(/^::ffff:/, '');
}
