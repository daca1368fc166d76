import type { Role } from '@diwan/contracts';

export type { ActivityFigures, CircuitStatsDto } from '@diwan/contracts';

/** Who may open the live view (the engine serves the figures to these roles only). */
export function canSeeLiveView(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('supervisor');
}

export function circuitStatsPath(id: string): string {
  return `/api/circuits/${encodeURIComponent(id)}/stats`;
}

/** Designer route of a circuit's live view; the id holds ':' so it is encoded. */
export function circuitLiveRoute(id: string): string {
  return `/circuits/${encodeURIComponent(id)}/live`;
}
