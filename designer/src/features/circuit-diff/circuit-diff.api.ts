import { draftPath } from '../../shared/api/circuit-drafts.api';

/** The draft API as the diff page uses it (engine/src/circuits/circuit-draft.routes.ts; admins). */
export interface DraftVersionSummary {
  number: number;
  label: string;
  savedAt: string;
  savedBy: string;
}

export interface CircuitDraftDto {
  _id: string;
  name: string;
  processKey: string;
  versions: DraftVersionSummary[];
}

export interface DraftVersionDto extends DraftVersionSummary {
  xml: string;
}

export function draftVersionPath(id: string, number: number): string {
  return `${draftPath(id)}/versions/${number}`;
}
