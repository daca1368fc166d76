import { ConflictError, UnavailableError, UnprocessableError } from '../shared/errors.js';

/** How long we wait for a peer's answer. */
const PEER_TIMEOUT_MS = 30_000;

/**
 * Posts to another administration's engine and sorts its answer the way our callers retry:
 * 2xx is done; 409 (that package id holds other content there) is a conflict; another 4xx is a
 * refusal (422, with the peer's reason: retrying would not help); 408, 429, 5xx, no answer, and a
 * 409 `in_progress` (an earlier try of ours, given up on here, is still at work there) are
 * transient (503: the worker or the outbox tries again).
 */
export async function postToPeer(peer: { _id: string; url: string }, path: string, body: FormData | string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(peer.url + path, {
      method: 'POST',
      body,
      headers: typeof body === 'string' ? { 'content-type': 'application/json' } : {},
      signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    throw new UnavailableError(`${peer._id} (${peer.url}) did not answer: ${(err as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (res.ok) return parsed;
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const said = typeof error?.message === 'string' ? error.message.slice(0, 500) : `HTTP ${res.status}`;
  const refused = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429 && error?.code !== 'in_progress';
  if (!refused) throw new UnavailableError(`${peer._id} could not take it now: ${said}`);
  if (res.status === 409) throw new ConflictError(`${peer._id} refused: ${said}`);
  throw new UnprocessableError(`${peer._id} refused: ${said}`, { peerStatus: res.status });
}
