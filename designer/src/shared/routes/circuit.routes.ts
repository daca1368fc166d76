import type { Role } from '@diwan/contracts';

/** Designer route of one circuit; the id (`key:version:uuid`) holds ':' so it is encoded. */
export function circuitRoute(id: string): string {
  return `/circuits/${encodeURIComponent(id)}`;
}

/** Designer route of a circuit's live view. */
export function circuitLiveRoute(id: string): string {
  return `/circuits/${encodeURIComponent(id)}/live`;
}

/** Who may open the live view (the engine serves the figures to these roles only). */
export function canSeeLiveView(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('supervisor');
}
