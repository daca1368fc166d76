/** Designer route of a circuit draft in the modeler. */
export const draftRoute = (id: string) => `/circuits/drafts/${encodeURIComponent(id)}`;

/** Designer route comparing two versions of a draft; the modeler links here ("Compare"). */
export function circuitDiffRoute(draftId: string, a?: number, b?: number): string {
  const query = a !== undefined && b !== undefined ? `?a=${a}&b=${b}` : '';
  return `${draftRoute(draftId)}/diff${query}`;
}
