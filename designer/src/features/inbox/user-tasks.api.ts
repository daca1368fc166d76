import { apiFetch } from '../../shared/api/api.client';

export function completeUserTask(id: string): Promise<void> {
  return apiFetch<void>(`/api/user-tasks/${encodeURIComponent(id)}/complete`, { method: 'POST', body: {} });
}
