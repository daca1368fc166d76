import { useEffect, useState } from 'react';
import { diffBpmn, type ElementChange } from './bpmn.diff';

export type DiffState = { status: 'idle' | 'computing' } | { status: 'done'; changes: ElementChange[] } | { status: 'failed'; error: unknown };

/** The differences between two XML documents, computed when both are there. */
export function useBpmnDiff(xmlA: string | null, xmlB: string | null): DiffState {
  const [state, setState] = useState<DiffState>({ status: 'idle' });
  useEffect(() => {
    if (xmlA === null || xmlB === null) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ status: 'computing' });
    diffBpmn(xmlA, xmlB).then(
      (changes) => !cancelled && setState({ status: 'done', changes }),
      (error: unknown) => !cancelled && setState({ status: 'failed', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [xmlA, xmlB]);
  return state;
}
