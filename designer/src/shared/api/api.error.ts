import type { ApiErrorBody } from '@diwan/contracts';

/** Codes the engine sends in `{error:{code}}`, plus the two the client makes up itself. */
export type ApiErrorCode =
  | 'bad_input'
  | 'unauthorized'
  | 'not_allowed'
  | 'not_found'
  | 'conflict'
  | 'in_progress'
  | 'unavailable'
  | 'network'
  | 'unknown'
  | (string & {});

/** Every failed API call ends up as one of these, mapped once in the API client. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Builds an ApiError from any response body, falling back on the HTTP status. */
  static fromBody(status: number, body: unknown): ApiError {
    if (isApiErrorBody(body)) {
      const { code, message, details } = body.error;
      return new ApiError(status, code, message, details);
    }
    return new ApiError(status, codeForStatus(status), `HTTP ${status}`);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** How long the engine asks to wait before trying again (a 429's `details`), in whole seconds; null if it said nothing. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!isApiError(error) || error.status !== 429) return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null;
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'bad_input';
    case 401:
      return 'unauthorized';
    case 403:
      return 'not_allowed';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 502:
    case 503:
    case 504:
      return 'unavailable';
    default:
      return 'unknown';
  }
}
