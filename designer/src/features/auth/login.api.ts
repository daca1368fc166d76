import type { LoginRequest, LoginResponse } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

export function login(request: LoginRequest): Promise<LoginResponse> {
  return apiFetch<LoginResponse>('/api/auth/login', { method: 'POST', body: request });
}
