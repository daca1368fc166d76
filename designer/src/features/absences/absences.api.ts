import type { AbsenceDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { absencesPath } from '../../shared/absences/absences.api';

export interface AbsenceDraft {
  /** Who is away; left out: the caller. */
  username?: string;
  substitute: string;
  /** Wall-clock date-times (`datetime-local`), read by the engine in the administration's time zone. */
  from: string;
  to: string;
  reason?: string;
}

export const declareAbsence = (draft: AbsenceDraft) => apiFetch<AbsenceDto>(absencesPath, { method: 'POST', body: draft });

/** Ends an absence under way, or cancels one to come. */
export const endAbsence = (id: string) => apiFetch<AbsenceDto>(`${absencesPath}/${encodeURIComponent(id)}/end`, { method: 'POST' });
