export type { ActivityFigures, CircuitStatsDto } from '@diwan/contracts';

export function circuitStatsPath(id: string): string {
  return `/api/circuits/${encodeURIComponent(id)}/stats`;
}
