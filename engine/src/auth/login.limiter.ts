import { RateLimiterMemory } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../shared/errors.js';

/** How many failed logins a key may make in its window before each next one waits, doubling each time up to a ceiling. */
export interface BackOffPolicy {
  free: number;
  windowSeconds: number;
  maxWaitSeconds: number;
}

/** Failed logins of one kind of key, with an exponential back-off once past the free ones (rate-limiter-flexible, in memory). */
class FailureBackOff {
  private readonly failures: RateLimiterMemory;
  private readonly blocks: RateLimiterMemory;

  constructor(private readonly policy: BackOffPolicy) {
    this.failures = new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: policy.windowSeconds });
    this.blocks = new RateLimiterMemory({ points: 1, duration: policy.maxWaitSeconds });
  }

  /** Seconds the key must still wait (0: it may try). */
  async waitSeconds(key: string): Promise<number> {
    const blocked = await this.blocks.get(key);
    return blocked && blocked.consumedPoints > 1 ? Math.ceil(blocked.msBeforeNext / 1000) : 0;
  }

  async failed(key: string): Promise<void> {
    const { consumedPoints } = await this.failures.penalty(key, 1);
    const over = consumedPoints - this.policy.free;
    if (over > 0) await this.blocks.block(key, Math.min(this.policy.maxWaitSeconds, 2 ** (over - 1)));
  }

  async forget(key: string): Promise<void> {
    await this.failures.delete(key);
  }
}

export interface LoginLimits {
  /** One username from one address: a person mistyping, or a guesser at one account. */
  userAtAddress: BackOffPolicy;
  /** One username from anywhere: guessing one account from many addresses. */
  user: BackOffPolicy;
  /** One address, any username: spraying passwords over many accounts. */
  address: BackOffPolicy;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  userAtAddress: { free: 5, windowSeconds: 3600, maxWaitSeconds: 900 },
  user: { free: 20, windowSeconds: 3600, maxWaitSeconds: 900 },
  address: { free: 100, windowSeconds: 3600, maxWaitSeconds: 900 },
};

/**
 * Login throttling per user and per client address. Only failures count; past the free ones each
 * next attempt must wait 1 s, 2 s, 4 s ... up to 15 min, and is answered 429 with Retry-After
 * without the password being checked. A success clears the user-at-address count only (so an
 * attacker can't clear the others with an account of their own). In memory: one engine node.
 */
export class LoginLimiter {
  private readonly userAtAddress: FailureBackOff;
  private readonly user: FailureBackOff;
  private readonly address: FailureBackOff;

  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.userAtAddress = new FailureBackOff(limits.userAtAddress);
    this.user = new FailureBackOff(limits.user);
    this.address = new FailureBackOff(limits.address);
  }

  /** Throws TooManyRequestsError while any of the keys must wait. */
  async check(username: string, address: string): Promise<void> {
    const waits = await Promise.all([
      this.userAtAddress.waitSeconds(`${username}@${address}`),
      this.user.waitSeconds(username),
      this.address.waitSeconds(address),
    ]);
    const wait = Math.max(...waits);
    if (wait > 0) throw new TooManyRequestsError(`Too many failed logins; try again in ${wait} s`, wait);
  }

  async failed(username: string, address: string): Promise<void> {
    await Promise.all([this.userAtAddress.failed(`${username}@${address}`), this.user.failed(username), this.address.failed(address)]);
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.userAtAddress.forget(`${username}@${address}`);
  }
}
