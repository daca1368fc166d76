import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import type { LoginRequest, LoginResponse, SessionUser } from '@diwan/contracts';
import type { EventBus } from '../shared/event-bus.js';
import { NotAuthenticatedError } from '../shared/errors.js';
import { LoginLimiter } from './login.limiter.js';
import { passwords } from './password.hasher.js';
import { UserModel, toSessionUser } from './user.model.js';

interface TokenClaims {
  sub: string;
  jti: string;
  exp: number;
}

/** A valid token's user, read fresh, with what sockets need to drop it in time. */
export interface Session {
  user: SessionUser;
  jti: string;
  expiresAt: Date;
}

/** Logs users in with a password, turns bearer tokens back into users, and revokes tokens at logout. */
export class AuthService {
  /**
   * The signing secret as a key object: given a string, jsonwebtoken first tries to read it as a
   * public key on every verify (an OpenSSL parse that fails, milliseconds per request).
   */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly ttlHours: number,
    private readonly bus?: EventBus,
    private readonly limiter = new LoginLimiter(),
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** `address` is the client's address (req.ip): failures are throttled per user and per address. */
  async login({ username, password }: LoginRequest, address = 'unknown'): Promise<LoginResponse> {
    const name = username.toLowerCase();
    await this.limiter.check(name, address);
    const user = await UserModel.findOne({ username: name, active: true }).lean();
    // Checked against a dummy hash when the user does not exist, so both cases take the same time.
    const ok = await passwords.verify(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.limiter.failed(name, address);
      throw new NotAuthenticatedError('Wrong username or password');
    }
    await this.limiter.succeeded(name, address);
    const expiresIn = Math.round(this.ttlHours * 3600);
    const token = jwt.sign({ sub: user.username }, this.key, { algorithm: 'HS256', expiresIn, jwtid: randomUUID() });
    return { token, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(), user: toSessionUser(user) };
  }

  /** The user behind a token, read fresh so that a disabled user or a changed role applies at once. */
  async userForToken(token: string | undefined): Promise<SessionUser> {
    return (await this.sessionForToken(token)).user;
  }

  /** One read: the user's document holds its revoked tokens, so that every request costs one command. */
  async sessionForToken(token: string | undefined): Promise<Session> {
    const claims = this.verify(token);
    const user = await UserModel.findOne({ username: claims.sub }, { passwordHash: 0 }).lean();
    if (user?.revokedSessions?.some((r) => r.jti === claims.jti)) throw new NotAuthenticatedError('The token was revoked (logged out)');
    if (!user?.active) throw new NotAuthenticatedError('The token names an unknown or disabled user');
    return { user: toSessionUser(user), jti: claims.jti, expiresAt: new Date(claims.exp * 1000) };
  }

  /**
   * The sessions among these that no longer hold, with why: their token was revoked (on any engine
   * node), or their user is disabled, or has other roles or departments than the session says.
   */
  async endedSessions(sessions: Session[]): Promise<Map<string, string>> {
    const ended = new Map<string, string>();
    if (sessions.length === 0) return ended;
    const users = await UserModel.find({ username: { $in: [...new Set(sessions.map((s) => s.user.username))] } }, { username: 1, roles: 1, departments: 1, active: 1, revokedSessions: 1 }).lean();
    const byName = new Map(users.map((u) => [u.username, u]));
    for (const { user, jti } of sessions) {
      const now = byName.get(user.username);
      if (now?.revokedSessions?.some((r) => r.jti === jti)) ended.set(jti, 'token revoked');
      else if (!now || !now.active) ended.set(jti, 'user disabled');
      else if (!sameSet(now.roles, user.roles) || !sameSet(now.departments, user.departments)) ended.set(jti, 'roles or departments changed');
    }
    return ended;
  }

  /** Revokes a valid token until it expires; its sockets are dropped. */
  async logout(token: string | undefined): Promise<void> {
    const { user, jti, expiresAt } = await this.sessionForToken(token);
    await UserModel.updateOne({ username: user.username }, { $push: { revokedSessions: { jti, expiresAt } } });
    // Revocations are kept only as long as their token would have lived.
    await UserModel.updateOne({ username: user.username }, { $pull: { revokedSessions: { expiresAt: { $lt: new Date() } } } });
    await this.bus?.emit('session.revoked', { username: user.username, jti });
  }

  private verify(token: string | undefined): TokenClaims {
    if (!token) throw new NotAuthenticatedError('A bearer token is required');
    let claims: Partial<TokenClaims>;
    try {
      claims = jwt.verify(token, this.key, { algorithms: ['HS256'] }) as Partial<TokenClaims>;
    } catch {
      throw new NotAuthenticatedError('The token is invalid or has expired');
    }
    // Every token we issue names its user, its id (for revocation) and its expiry.
    if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || typeof claims.exp !== 'number') {
      throw new NotAuthenticatedError('The token is invalid or has expired');
    }
    return claims as TokenClaims;
  }

  static hashPassword(password: string): Promise<string> {
    return passwords.hash(password, 10);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((v) => x.has(v));
}

/** Compared against when the user does not exist, so both cases take the same time. */
const DUMMY_HASH = bcrypt.hashSync('not-a-password', 10);
