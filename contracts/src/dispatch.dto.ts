import { z } from 'zod';

/**
 * How an outgoing mail leaves the administration (expédition · الإرسال): by e-mail, by post (the
 * registry clerk prints a dispatch slip and an envelope), or through the exchange between
 * administrations. The circuit chooses with the process variable `dispatchMeans`.
 */
export const DISPATCH_MEANS = ['email', 'post', 'exchange'] as const;
export type DispatchMeans = (typeof DISPATCH_MEANS)[number];

/**
 * - `sending`: a worker claimed the e-mail (it may have left if the worker died before recording it);
 * - `sent`: the e-mail was accepted by the SMTP relay, or the exchange package by the peer;
 * - `awaiting_post`: slip and envelope are ready, the registry clerk has not confirmed the posting;
 * - `posted`: the registry clerk confirmed it went to the post.
 */
export const DISPATCH_STATES = ['sending', 'sent', 'awaiting_post', 'posted'] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];

/** The dispatch of an outgoing mail, as `GET /api/mails/:id/dispatch` serves it. */
export interface MailDispatchDto {
  mailId: string;
  means: DispatchMeans;
  state: DispatchState;
  /** When it reached this state. */
  at: string;
  /** The e-mail address, the peer administration's name, or the postal address on one line. */
  recipient: string | null;
  /** The e-mail's Message-ID, the exchange package's id, or the registered-post number. */
  reference: string | null;
  /** Who recorded the state: `workers`, or the registry clerk who confirmed the posting. */
  by: string;
  /** How many times a worker claimed the sending (more than 1: a retry after a failure). */
  attempts: number;
}

/** A worker claims the sending before it sends (`POST /api/internal/mails/:id/dispatch/claim`). */
export const dispatchClaimSchema = z.object({
  means: z.enum(DISPATCH_MEANS),
  recipient: z.string().trim().max(500).nullable().default(null),
});

/** `claimed`: send now; `done`: already sent, do nothing; `busy`: another worker holds the claim. */
export interface DispatchClaimAnswer {
  outcome: 'claimed' | 'done' | 'busy';
  dispatch: MailDispatchDto;
}

/** A worker records what it did (`POST /api/internal/mails/:id/dispatch/record`). */
export const dispatchRecordSchema = z.object({
  means: z.enum(DISPATCH_MEANS),
  state: z.enum(['sent', 'awaiting_post']),
  recipient: z.string().trim().max(500).nullable().default(null),
  reference: z.string().trim().max(300).nullable().default(null),
});

/** The registry clerk confirms the posting (`POST /api/mails/:id/dispatch/posted`). */
export const dispatchPostedSchema = z.object({
  /** The registered-post number, if any. */
  reference: z.string().trim().max(100).optional(),
});
