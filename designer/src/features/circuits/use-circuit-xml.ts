import type { CircuitXmlDto } from '@diwan/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { QueryState } from '../../shared/api/use-api-query';
import { fetchCircuitXml } from './circuits.api';

/** A deployed circuit's XML for its page; takes the request the route started ahead (see prefetchCircuitXml). */
export function useCircuitXml(id: string): QueryState<CircuitXmlDto> & { retry: () => void } {
  const [state, setState] = useState<QueryState<CircuitXmlDto>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'loading' ? current : { status: 'loading' }));
    fetchCircuitXml(id, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
