import type { ExchangePeerDto, ExchangePeerInput, ExchangePeerUpdate } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

/** Engine calls of the exchange directory page (admins change it; the engine checks). */
export const exchangePeersPath = '/api/exchange/peers';
export const exchangeIdentityPath = '/api/exchange/identity';
export const exchangeRoute = '/admin/exchange';

const peerPath = (id: string) => `${exchangePeersPath}/${encodeURIComponent(id)}`;

export function createPeer(input: ExchangePeerInput): Promise<ExchangePeerDto> {
  return apiFetch<ExchangePeerDto>(exchangePeersPath, { method: 'POST', body: input });
}

export function updatePeer(id: string, changes: ExchangePeerUpdate): Promise<ExchangePeerDto> {
  return apiFetch<ExchangePeerDto>(peerPath(id), { method: 'PUT', body: changes });
}

export function deletePeer(id: string): Promise<void> {
  return apiFetch<void>(peerPath(id), { method: 'DELETE' });
}
