import { z } from 'zod';

/**
 * Absences and delegation (`/api/absences`): a user is away for a period and a substitute does
 * their work meanwhile. Their assigned tasks go to the substitute at the start and come back at the
 * end; what the substitute completes carries "by delegation of" in the audit log.
 */

/**
 * A moment: a wall-clock date-time in the administration's time zone (`2026-03-02T08:30`, what a
 * `datetime-local` input gives), or an exact instant with its offset (`2026-03-02T07:30:00Z`).
 */
export const absenceMomentSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/);

export const declareAbsenceSchema = z.strictObject({
  /** Who is away; the caller when left out (a head or an admin may name someone of their department). */
  username: z.string().trim().toLowerCase().min(1).max(100).optional(),
  substitute: z.string().trim().toLowerCase().min(1).max(100),
  from: absenceMomentSchema,
  to: absenceMomentSchema,
  reason: z.string().trim().max(300).optional(),
});
export type DeclareAbsence = z.output<typeof declareAbsenceSchema>;

export const absenceQuerySchema = z.strictObject({
  /** Only this person's absences ('me': the caller's). */
  username: z.string().trim().toLowerCase().min(1).max(100).optional(),
  /** Only the absences where this person replaces someone ('me': the caller). */
  substitute: z.string().trim().toLowerCase().min(1).max(100).optional(),
  status: z.enum(['upcoming', 'current', 'ended']).optional(),
});
export type AbsenceQuery = z.output<typeof absenceQuerySchema>;

export const ABSENCE_STATUSES = ['upcoming', 'current', 'ended', 'cancelled'] as const;
/** upcoming: not started; current: under way; ended: over (or ended early); cancelled: ended before it started. */
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number];

export interface AbsencePersonDto {
  username: string;
  displayName: string;
}

export interface AbsenceDto {
  id: string;
  person: AbsencePersonDto;
  substitute: AbsencePersonDto;
  declaredBy: AbsencePersonDto;
  /** Instants (ISO); shown in `timeZone`, the administration's. */
  from: string;
  to: string;
  /** When it was ended early or cancelled, and by whom. */
  endedAt: string | null;
  endedBy: AbsencePersonDto | null;
  reason: string | null;
  status: AbsenceStatus;
  timeZone: string;
  /** How many tasks went to the substitute, and how many of those came back. */
  tasksMoved: number;
  tasksReturned: number;
  /** Whether the caller may end (or cancel) it. */
  canEnd: boolean;
}

/** A person who may replace someone: active, and of one of their departments. */
export type SubstituteDto = AbsencePersonDto;

export const substituteQuerySchema = z.strictObject({
  /** Whose substitutes (the caller's when left out). */
  for: z.string().trim().toLowerCase().min(1).max(100).optional(),
});
