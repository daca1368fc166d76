import type { LoginRequest, LoginResponse } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

export function login(request: LoginRequest): Promise<LoginResponse> {
  return apiFetch<LoginResponse>('/api/auth/login', { method: 'POST', body: request });
}

/** Revokes the session's token on the engine (its sockets are dropped too). */
export function logout(): Promise<void> {
  return apiFetch<void>('/api/auth/logout', { method: 'POST' });
}
