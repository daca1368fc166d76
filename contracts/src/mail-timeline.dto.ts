/** Someone who acted on a mail, as readers see them: by display name. */
export interface TimelinePersonDto {
  username: string;
  displayName: string;
}

/**
 * One line of a mail's history (`GET /api/mails/:id/timeline`), built from the audit log. Texts
 * (step names, field labels and values, status labels, circuit names) are already in the
 * caller's language (Accept-Language); the designer turns each `action` into a sentence.
 */
export interface MailTimelineItemDto {
  at: string;
  /** The audit action (`mail.registered`, `userTask.completed`, …). */
  action: string;
  /** Who acted; null when Diwan itself did (the runtime, a worker, a timer). */
  actor: TimelinePersonDto | null;
  /** The circuit step concerned, in the caller's language. */
  stepName?: string;
  /** What a completed step's form recorded: label and value, as text. */
  fields?: { label: string; value: string }[];
  /** A status change: the statuses' labels, in the caller's language. */
  from?: string;
  to?: string;
  /** A task handed to someone (delegation). */
  assignee?: TimelinePersonDto;
  /** A task completed by a substitute: the absent person on whose behalf ("by delegation of"). */
  onBehalfOf?: TimelinePersonDto;
  /** The mail's chrono number (registration, void). */
  chronoNumber?: string;
  /** A receipt's number. */
  receiptNumber?: string;
  /** An attached file's name. */
  filename?: string;
  /** The name of the circuit that started. */
  circuitName?: string;
  /**
   * Which way the action went, when its sentence depends on it: a dispatch's means and outcome
   * (`email`, `post`, `posted`, `exchange`), a reassignment's cause (`absence`, `return`,
   * `operations`), a signature's kind (`seal`, `registration`), a draft that answers a mail (`reply`).
   */
  variant?: string;
  /** The other administration of an exchange, by name in the caller's language. */
  peerName?: string;
  /** The letter's version number (a saved letter). */
  version?: number;
}
