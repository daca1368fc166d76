import type { UserTaskDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

const base = (id: string) => `/api/user-tasks/${encodeURIComponent(id)}`;

export function completeUserTask(id: string, variables: Record<string, unknown> = {}): Promise<void> {
  return apiFetch<void>(`${base(id)}/complete`, { method: 'POST', body: Object.keys(variables).length ? { variables } : {} });
}

/** The engine answers a claim/unclaim/delegate with the task as it now is (or nothing; the socket follows). */
export function claimUserTask(id: string): Promise<UserTaskDto | undefined> {
  return apiFetch<UserTaskDto | undefined>(`${base(id)}/claim`, { method: 'POST', body: {} });
}

export function unclaimUserTask(id: string): Promise<UserTaskDto | undefined> {
  return apiFetch<UserTaskDto | undefined>(`${base(id)}/unclaim`, { method: 'POST', body: {} });
}

export function delegateUserTask(id: string, to: string): Promise<UserTaskDto | undefined> {
  return apiFetch<UserTaskDto | undefined>(`${base(id)}/delegate`, { method: 'POST', body: { to } });
}

export interface BulkResult {
  id: string;
  ok: boolean;
  error?: { code: string; message: string } | string;
}

/** One result per task; the engine wraps them as `{results}` (a bare array is accepted too). */
export async function bulkUserTasks(action: 'claim' | 'assign', ids: string[], to?: string): Promise<BulkResult[]> {
  const body = await apiFetch<BulkResult[] | { results: BulkResult[] }>('/api/user-tasks/bulk', {
    method: 'POST',
    body: to ? { action, ids, to } : { action, ids },
  });
  return Array.isArray(body) ? body : body.results;
}

export const userTaskPath = base;
export const userTaskFormPath = (id: string) => `${base(id)}/form`;
export const userTaskRoute = (id: string) => `/inbox/${encodeURIComponent(id)}`;

/** What an earlier step of the same circuit gave: labels and values already in the reader's language. */
export interface EarlierResultDto {
  stepName: string;
  by: { username: string; displayName: string };
  at: string;
  fields: { key: string; label: string; value: string }[];
}

/**
 * GET /api/user-tasks/:id/form: the Camunda Form (form-js schema, localised by the engine, its
 * pickers filled), the data to fill it with (with the mail's facts), and earlier steps' results.
 */
export interface UserTaskFormDto {
  schema: Record<string, unknown> | null;
  data: Record<string, unknown>;
  earlierResults?: EarlierResultDto[];
}
