import type { CorrespondentDto } from '@diwan/contracts';
import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../shared/hooks/use-debounced-value';
import { searchCorrespondents } from './mails.api';

export type CorrespondentSearch =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; results: CorrespondentDto[] };

/** Debounced correspondent search: waits for 2 characters and 250 ms of quiet, drops stale answers. */
export function useCorrespondentSearch(text: string): CorrespondentSearch {
  const q = useDebouncedValue(text.trim(), 250);
  const [state, setState] = useState<CorrespondentSearch>({ status: 'idle' });
  useEffect(() => {
    if (q.length < 2) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    searchCorrespondents(q, controller.signal).then(
      (results) => setState({ status: 'success', results }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [q]);
  return state;
}
