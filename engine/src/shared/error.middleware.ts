import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '@diwan/contracts';
import { isDatabaseAway } from './database.errors.js';
import { DiwanError, NotFoundError, TooManyRequestsError } from './errors.js';
import type { Logger } from './logger.js';

interface HttpParserError {
  type?: string;
  status?: number;
  message?: string;
}

/** The one place where errors become HTTP answers. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let status = 500;
    let body: ApiErrorBody = { error: { code: 'internal', message: 'Internal error' } };
    if (err instanceof DiwanError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
      if (err instanceof TooManyRequestsError) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
    } else if (isDatabaseAway(err)) {
      // the database is down or restarting: the client may try again (same Idempotency-Key)
      status = 503;
      body = { error: { code: 'unavailable', message: 'The database is not reachable; try again shortly' } };
      res.setHeader('Retry-After', '2');
    } else if (isParserError(err)) {
      status = err.status ?? 400;
      const code = status === 413 ? 'too_large' : 'bad_input';
      body = { error: { code, message: `Malformed request body: ${err.message ?? err.type}` } };
    }
    if (status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    res.status(status).json(body);
  };
}

function isParserError(err: unknown): err is HttpParserError {
  return typeof err === 'object' && err !== null && typeof (err as HttpParserError).type === 'string' && 'status' in err;
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route ${req.method} ${req.originalUrl}`));
};
