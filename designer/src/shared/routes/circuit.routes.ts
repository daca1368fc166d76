import type { CircuitStatsPeriod, Role } from '@diwan/contracts';

/** Designer route of one circuit; the id (`key:version:uuid`) holds ':' so it is encoded. */
export function circuitRoute(id: string): string {
  return `/circuits/${encodeURIComponent(id)}`;
}

/** Designer route of a circuit's live view; `heat` picks its colouring (passes or average time) and history period. */
export function circuitLiveRoute(id: string, heat?: { metric?: 'count' | 'duration'; period?: CircuitStatsPeriod }): string {
  const query = new URLSearchParams();
  if (heat?.metric) query.set('metric', heat.metric);
  if (heat?.period) query.set('period', heat.period);
  return `/circuits/${encodeURIComponent(id)}/live${query.size > 0 ? `?${query}` : ''}`;
}

/** Who may open the live view (the engine serves the figures to these roles only). */
export function canSeeLiveView(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('supervisor');
}
