import { useEffect, useRef } from 'react';
import { useApiQuery } from '../../shared/api/use-api-query';
import { circuitStatsPath, type CircuitStatsDto, type CircuitStatsPeriod } from './circuit-live.api';
import { useCircuitEvents } from './use-circuit-events';

/** Events within this window share one refetch (a burst of 50 task events is one request). */
const COALESCE_MS = 500;
/** The fallback when the live connection is down or an event was lost. */
const POLL_MS = 15_000;

/**
 * The live figures and history of a circuit over a period: fetched once, refetched quietly (keeping the figures on screen)
 * half a second after its events, and every 15 s whatever happens.
 */
export function useCircuitStats(processDefinitionId: string, period: CircuitStatsPeriod) {
  const query = useApiQuery<CircuitStatsDto>(circuitStatsPath(processDefinitionId, period));
  const { refresh } = query;
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useCircuitEvents(processDefinitionId, () => {
    if (pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      refresh();
    }, COALESCE_MS);
  });

  useEffect(() => {
    const poll = setInterval(refresh, POLL_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [refresh, processDefinitionId]);

  return query;
}
