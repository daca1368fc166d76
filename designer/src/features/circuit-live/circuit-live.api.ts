import type { CircuitStatsPeriod } from '@diwan/contracts';

export type { ActivityFigures, CircuitStatsDto, CircuitStatsPeriod } from '@diwan/contracts';

export function circuitStatsPath(id: string, period: CircuitStatsPeriod): string {
  return `/api/circuits/${encodeURIComponent(id)}/stats?${new URLSearchParams({ period })}`;
}
