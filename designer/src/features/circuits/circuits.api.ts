/** Engine paths for circuits; ids are process definition ids (`key:version:uuid`). */
export const circuitsPath = '/api/circuits';

export function circuitXmlPath(id: string): string {
  return `/api/circuits/${encodeURIComponent(id)}/xml`;
}

/** Designer route of one circuit; the id holds ':' so it is encoded. */
export function circuitRoute(id: string): string {
  return `/circuits/${encodeURIComponent(id)}`;
}
