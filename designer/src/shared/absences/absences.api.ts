import type { AbsenceDto } from '@diwan/contracts';

/**
 * The engine's absence routes (engine/src/absences), shared by the absences page and the inbox's
 * banner. Refusals come back worded in the page's language (Accept-Language).
 */
export const absencesPath = '/api/absences';
/** The absences under way where the caller replaces someone. */
export const replacingPath = '/api/absences?substitute=me&status=current';
/** Who may replace a person (the caller when no one is named). */
export const substitutesPath = (username?: string) => (username ? `/api/absences/substitutes?for=${encodeURIComponent(username)}` : '/api/absences/substitutes');

export type { AbsenceDto };
