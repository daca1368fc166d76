import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { AuthService } from './auth.service.js';
import { moveRevokedTokensToUsers } from './revoked-tokens.upgrade.js';
import { UserModel } from './user.model.js';

/** A token given back at logout before the upgrade stays refused after it. */
describe('revoked tokens move to their users', () => {
  const secret = 'a-test-secret-of-enough-length-for-hs256';
  const auth = new AuthService(secret, 8);
  const tokenOf = (username: string, jti: string) => jwt.sign({ sub: username }, secret, { algorithm: 'HS256', expiresIn: 3600, jwtid: jti });

  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('revoked-upgrade') });
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('moves the unexpired revocations, drops the old collection, and refuses those tokens', async () => {
    await UserModel.create([
      { username: 'amel', displayName: 'Amel', passwordHash: 'x', roles: ['agent'], departments: ['urbanism'] },
      { username: 'sami', displayName: 'Sami', passwordHash: 'x', roles: ['agent'], departments: ['urbanism'] },
    ]);
    const [given, stale, other] = [randomUUID(), randomUUID(), randomUUID()];
    await mongoose.connection.db!.collection('revokedTokens').insertMany([
      { jti: given, username: 'amel', expiresAt: new Date(Date.now() + 3_600_000) },
      { jti: stale, username: 'amel', expiresAt: new Date(Date.now() - 1_000) },
    ]);

    expect(await moveRevokedTokensToUsers()).toBe(1);
    // a second start (or a crash before the drop) moves nothing twice
    expect(await moveRevokedTokensToUsers()).toBe(0);

    expect((await UserModel.findOne({ username: 'amel' }).lean())!.revokedSessions!.map((r) => r.jti)).toEqual([given]);
    expect((await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name)).not.toContain('revokedTokens');
    await expect(auth.sessionForToken(tokenOf('amel', given))).rejects.toThrow('revoked');
    expect((await auth.sessionForToken(tokenOf('amel', other))).user.username).toBe('amel');
    expect((await auth.sessionForToken(tokenOf('sami', given))).user.username).toBe('sami');
  });

  it('logs out on the user: that token is refused, others of the user are not, and old revocations are pruned', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    await UserModel.updateOne({ username: 'sami' }, { $push: { revokedSessions: { jti: 'long-gone', expiresAt: new Date(Date.now() - 60_000) } } });

    await auth.logout(tokenOf('sami', first));

    await expect(auth.sessionForToken(tokenOf('sami', first))).rejects.toThrow('revoked');
    expect((await auth.sessionForToken(tokenOf('sami', second))).user.username).toBe('sami');
    expect((await UserModel.findOne({ username: 'sami' }).lean())!.revokedSessions!.map((r) => r.jti)).toEqual([first]);
    const ended = await auth.endedSessions([first, second].map((jti) => ({ jti, expiresAt: new Date(), user: { username: 'sami', displayName: 'Sami', roles: ['agent'], departments: ['urbanism'], language: 'fr' } })));
    expect([...ended]).toEqual([[first, 'token revoked']]);
  });
});
