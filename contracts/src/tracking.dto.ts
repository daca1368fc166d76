import { z } from 'zod';
import type { AttachmentDto } from './mail.schema.js';

/**
 * The citizen's side of a mail (public, by tracking code): where it stands in plain words, what
 * the administration asks, the citizen's answers, and the public statistics.
 */

/** A mail's stage in the citizen's words (from its status and the circuit's waiting steps). */
export const TRACKING_STAGES = ['received', 'assigned', 'in_progress', 'information_requested', 'information_given', 'answered', 'closed'] as const;
export type TrackingStage = (typeof TRACKING_STAGES)[number];

export interface TrackingTimelineItem {
  at: string;
  stage: TrackingStage;
}

/** The JSON of the multipart field `answer` of `POST /api/public/track/{code}/answers` (files in `files`). */
export const citizenAnswerSchema = z.object({
  text: z.string().trim().min(1).max(5000),
});
export type CitizenAnswerInput = z.input<typeof citizenAnswerSchema>;

/** `POST /api/public/track/{code}/answers` answer. */
export interface CitizenAnswerDto {
  receivedAt: string;
  files: number;
}

/** `GET /api/public/stats`: numbers only, per department (names only, never people). */
export interface PublicStatsDto {
  /** `YYYY-MM`, the month the figures cover. */
  month: string;
  computedAt: string;
  /** Portal deposits of the whole administration (a mail for two departments counts once here, in both rows below). */
  totals: { deposits: number };
  departments: (PublicStatsRow & { code: string; name: { ar: string; fr: string; en: string } })[];
}

export interface PublicStatsRow {
  /** Mails deposited through the portal this month. */
  deposits: number;
  /** Mails whose work ended this month, and how many by their due date. */
  closed: number;
  onTime: number;
  /** onTime / closed, or null without closed mails. */
  onTimeRate: number | null;
  /** The dashboard's average time of a step handled in the department (ms), or null without one. */
  averageHandlingMs: number | null;
}

export const publicStatsQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
    .optional(),
});

/**
 * `GET /api/mails/{id}/answer-document` (staff): the answer to the citizen the tracking page will
 * give once the mail is closed (the newest `reply` attachment), and whether the caller may attach
 * or replace it (they hold an open task on the mail: its assignee, or a candidate while nobody holds it).
 */
export interface AnswerDocumentDto {
  document: AttachmentDto | null;
  mayAttach: boolean;
}
