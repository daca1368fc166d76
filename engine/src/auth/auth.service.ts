import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import type { LoginRequest, LoginResponse, SessionUser } from '@diwan/contracts';
import { NotAuthenticatedError } from '../shared/errors.js';
import { UserModel, toSessionUser } from './user.model.js';

interface TokenClaims {
  sub: string;
}

/** Logs users in with a password and turns bearer tokens back into users. */
export class AuthService {
  constructor(
    private readonly secret: string,
    private readonly ttlHours: number,
  ) {}

  async login({ username, password }: LoginRequest): Promise<LoginResponse> {
    const user = await UserModel.findOne({ username: username.toLowerCase(), active: true }).lean();
    const ok = user ? await bcrypt.compare(password, user.passwordHash) : await bcrypt.compare(password, DUMMY_HASH);
    if (!user || !ok) throw new NotAuthenticatedError('Wrong username or password');
    const expiresIn = Math.round(this.ttlHours * 3600);
    const token = jwt.sign({ sub: user.username } satisfies TokenClaims, this.secret, { algorithm: 'HS256', expiresIn });
    return { token, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(), user: toSessionUser(user) };
  }

  /** The user behind a token, read fresh so that a disabled user or a changed role applies at once. */
  async userForToken(token: string | undefined): Promise<SessionUser> {
    if (!token) throw new NotAuthenticatedError('A bearer token is required');
    let claims: TokenClaims;
    try {
      claims = jwt.verify(token, this.secret, { algorithms: ['HS256'] }) as TokenClaims;
    } catch {
      throw new NotAuthenticatedError('The token is invalid or has expired');
    }
    const user = await UserModel.findOne({ username: claims.sub, active: true }).lean();
    if (!user) throw new NotAuthenticatedError('The token names an unknown or disabled user');
    return toSessionUser(user);
  }

  static hashPassword(password: string): Promise<string> {
    return bcrypt.hash(password, 10);
  }
}

/** Compared against when the user does not exist, so both cases take the same time. */
const DUMMY_HASH = bcrypt.hashSync('not-a-password', 10);
