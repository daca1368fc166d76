import { useEffect, useState } from 'react';
import { apiBlob } from '../../shared/api/api.download';

export type BlobUrlState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'success'; url: string };

/** Fetches a protected file with the bearer token and gives an object URL, revoked on change. */
export function useBlobUrl(path: string | null): BlobUrlState {
  const [state, setState] = useState<BlobUrlState>({ status: 'loading' });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    let url: string | null = null;
    setState({ status: 'loading' });
    apiBlob(path, controller.signal).then(
      ({ blob }) => {
        url = URL.createObjectURL(blob);
        setState({ status: 'success', url });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);
  return state;
}
