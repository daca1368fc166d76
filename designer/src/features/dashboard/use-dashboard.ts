import { SOCKET_EVENTS, type DashboardDto } from '@diwan/contracts';
import { useCallback, useEffect, useRef } from 'react';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useRealtime, useSocketEvent } from '../../shared/realtime/use-realtime';
import { dashboardPath, type DashboardFilters } from './dashboard.query';

/** Events that come close together make one fetch, at most this long after the first. */
const REFRESH_DEBOUNCE_MS = 400;

/**
 * The dashboard's figures for these filters. The engine pushes `dashboard.updated` when a figure
 * changed; the page fetches again, quietly (the figures stay on screen meanwhile).
 */
export function useDashboard(filters: DashboardFilters) {
  const query = useApiQuery<DashboardDto>(dashboardPath(filters));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { refresh } = query;

  const scheduleRefresh = useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      refresh();
    }, REFRESH_DEBOUNCE_MS);
  }, [refresh]);

  useEffect(() => () => clearTimeout(timer.current), []);
  useSocketEvent(SOCKET_EVENTS.dashboardUpdated, scheduleRefresh);
  // Events sent while the connection was down are lost: catch up once it is back.
  const { state } = useRealtime();
  const wasConnected = useRef(state === 'connected');
  useEffect(() => {
    if (state === 'connected' && !wasConnected.current) scheduleRefresh();
    wasConnected.current = state === 'connected';
  }, [state, scheduleRefresh]);
  return query;
}
