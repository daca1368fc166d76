import { DiwanError } from '../shared/errors.js';

/** A file whose type is not accepted, or whose content does not match its name or declared type. */
export class UnsupportedMediaTypeError extends DiwanError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

/** A file or upload over its size or count limit. */
export class TooLargeError extends DiwanError {
  readonly status = 413;
  readonly code = 'too_large';
}
