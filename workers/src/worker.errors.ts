/**
 * How a handler says what went wrong. The failure policy turns each into the
 * runtime's matching outcome; any other error is a bug and raises an incident.
 */

/** A business outcome the circuit models as a BPMN error (e.g. MAIL_NOT_FOUND). */
export class BusinessError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BusinessError';
  }
}

/** Worth retrying later: a peer is down, a timeout, a 5xx. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}
