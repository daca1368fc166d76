/**
 * The engine's error classes. Routes and services throw these; the error
 * middleware maps them to HTTP in one place.
 */
export abstract class DiwanError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DiwanError {
  readonly status = 400;
  readonly code = 'bad_input';
}

/** Input that parses but breaks a rule (a refused deployment, for example). */
export class UnprocessableError extends DiwanError {
  readonly status = 422;
  readonly code = 'unprocessable';
}

/** An upload over its size or count limit. */
export class TooLargeError extends DiwanError {
  readonly status = 413;
  readonly code = 'too_large';
}

/** A file whose type is not accepted, or whose content does not match its name or declared type. */
export class UnsupportedMediaTypeError extends DiwanError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

export class NotAuthenticatedError extends DiwanError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

export class NotAllowedError extends DiwanError {
  readonly status = 403;
  readonly code = 'forbidden';
}

export class NotFoundError extends DiwanError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends DiwanError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** The same request (its Idempotency-Key) is still at work elsewhere: the client may try again shortly. */
export class InProgressError extends DiwanError {
  readonly status = 409;
  readonly code = 'in_progress';
}

/** Too many attempts: the client may try again after `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequestsError extends DiwanError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

export class UnavailableError extends DiwanError {
  readonly status = 503;
  readonly code = 'unavailable';
}
