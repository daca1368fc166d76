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

export function draftPath(id: string): string {
  return `/api/circuit-drafts/${encodeURIComponent(id)}`;
}

export function draftVersionPath(id: string, number: number): string {
  return `${draftPath(id)}/versions/${number}`;
}

/** The designer route comparing two versions of a draft; the modeler links here ("Compare"). */
export function circuitDiffRoute(draftId: string, a?: number, b?: number): string {
  const query = a !== undefined && b !== undefined ? `?a=${a}&b=${b}` : '';
  return `/circuits/drafts/${encodeURIComponent(draftId)}/diff${query}`;
}
