import { useEffect, useState } from 'react';
import { apiBlob } from '../../shared/api/api.download';

export type PreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; url: string };

/** The letter's PDF as an object URL (the token is a header, not a cookie), fetched again for each `revision`; revoked on change. */
export function usePdfPreview(path: string, revision: number): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  useEffect(() => {
    if (revision < 1) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    let url: string | null = null;
    setState({ status: 'loading' });
    apiBlob(path, controller.signal).then(
      ({ blob }) => {
        url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        setState({ status: 'ready', url });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, revision]);
  return state;
}
