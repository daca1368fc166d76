import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from './api.client';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T };

export interface QueryControls {
  /** Refetches and shows "loading" meanwhile (after an error). */
  retry: () => void;
  /** Refetches quietly, keeping the current data on screen (after a live event). */
  refresh: () => void;
}

/**
 * GETs `path` on mount and whenever it changes, aborting stale requests. A `null` path waits.
 */
export function useApiQuery<T>(path: string | null): QueryState<T> & QueryControls {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    if (!attempt.quiet) setState({ status: 'loading' });
    apiFetch<T>(path, { signal: controller.signal }).then(
      (data) => setState({ status: 'success', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => (attempt.quiet && current.status === 'success' ? current : { status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const retry = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: false })), []);
  const refresh = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: true })), []);
  return { ...state, retry, refresh };
}
