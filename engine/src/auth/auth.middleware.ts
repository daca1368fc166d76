import type { Request, RequestHandler } from 'express';
import type { Role, SessionUser } from '@diwan/contracts';
import { NotAllowedError, NotAuthenticatedError } from '../shared/errors.js';
import type { AuthService } from './auth.service.js';

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1];
}

/** Every API route behind this knows who is asking. */
export function requireUser(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.user = await auth.userForToken(bearerToken(req.headers.authorization));
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = currentUser(req);
    if (!user.roles.some((r) => roles.includes(r))) {
      return next(new NotAllowedError(`This action needs one of the roles: ${roles.join(', ')}`));
    }
    next();
  };
}

export function currentUser(req: Request): SessionUser {
  if (!req.user) throw new NotAuthenticatedError('Not logged in');
  return req.user;
}
