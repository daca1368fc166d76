import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { NotAuthenticatedError } from '../shared/errors.js';
import { bearerToken } from './auth.middleware.js';

/** Guards internal routes (the runtime's event bridge, the workers) with a shared secret from the environment. */
export function requireServiceToken(expected: string, caller: string): RequestHandler {
  const want = Buffer.from(expected);
  return (req, _res, next) => {
    const got = Buffer.from(bearerToken(req.headers.authorization) ?? '');
    if (got.length !== want.length || !timingSafeEqual(got, want)) {
      return next(new NotAuthenticatedError(`Only the ${caller} may call this route`));
    }
    next();
  };
}
