import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD } from '../harness/stack.js';
import { fromAddress, loopbackAddress } from './security.fixtures.js';

/**
 * Issue 8, item 11: failed logins are throttled per user and per client address, with a growing
 * back-off, answered 429 with Retry-After. Each test logs in from a loopback address of its own,
 * so the limits it reaches touch no other test.
 */
const loginFrom = (address: string, username: string, password: string) => fromAddress(address, 'POST', '/api/auth/login', { body: { username, password } });

describe('login throttling', () => {
  it('makes one user at one address wait, doubling, after 5 failures, while others still log in', async () => {
    // given a client that has failed 5 times for one (unknown) user
    const address = loopbackAddress();
    const victim = `ghost-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 5; i++) expect((await loginFrom(address, victim, 'guess')).status).toBe(401);

    // when it fails a sixth time, then tries again at once
    expect((await loginFrom(address, victim, 'guess')).status).toBe(401);
    const refused = await loginFrom(address, victim, 'guess');

    // then it must wait: 429 with Retry-After, the same for a right or a wrong password (nothing is checked)
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // and another user from the same address still logs in
    expect((await loginFrom(address, 'agent', DEMO_PASSWORD)).status).toBe(200);

    // when it waits and fails again, the wait doubles
    await new Promise((r) => setTimeout(r, 1100));
    expect((await loginFrom(address, victim, 'guess')).status).toBe(401);
    const longer = await loginFrom(address, victim, 'guess');
    expect(longer.status).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBe(2);
  });

  it('makes one user wait after 20 failures from many addresses, at every address', async () => {
    // given 20 failures for one user, each from another address (5 per address: under that limit)
    const victim = `ghost-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 4; i++) {
      const address = loopbackAddress();
      for (let j = 0; j < 5; j++) expect((await loginFrom(address, victim, `guess-${i}-${j}`)).status).toBe(401);
    }
    // when a 21st fails, from yet another address
    expect((await loginFrom(loopbackAddress(), victim, 'guess')).status).toBe(401);
    // then that user must wait, wherever the next attempt comes from
    const refused = await loginFrom(loopbackAddress(), victim, 'guess');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('makes one address wait after 100 failures over many users, even for a right password', async () => {
    // given an address that sprayed 100 wrong passwords over 25 users (4 each: under the per-user limits)
    const address = loopbackAddress();
    const users = Array.from({ length: 25 }, () => `ghost-${randomUUID().slice(0, 8)}`);
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(users.map((u) => loginFrom(address, u, `guess-${round}`)));
      expect(answers.map((a) => a.status)).toEqual(users.map(() => 401));
    }
    // when it fails once more
    expect((await loginFrom(address, `ghost-${randomUUID().slice(0, 8)}`, 'guess')).status).toBe(401);
    // then every login from it waits, a right password included
    const refused = await loginFrom(address, 'head', DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // and other addresses are not affected
    expect((await loginFrom(loopbackAddress(), 'head', DEMO_PASSWORD)).status).toBe(200);
  }, 120_000);

  it('answers the same for an unknown user and a wrong password, and a success clears the user-at-address count', async () => {
    const address = loopbackAddress();
    const wrong = await loginFrom(address, 'supervisor', 'nope');
    const unknown = await loginFrom(address, `ghost-${randomUUID().slice(0, 8)}`, 'nope');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    // 4 more failures (5 in all), a success, then 5 more failures still get 401, not 429
    for (let i = 0; i < 4; i++) expect((await loginFrom(address, 'supervisor', 'nope')).status).toBe(401);
    expect((await loginFrom(address, 'supervisor', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await loginFrom(address, 'supervisor', 'nope')).status).toBe(401);
  });
});
