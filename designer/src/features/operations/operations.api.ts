import type { BulkResultDto, InstanceOperationsDto, MigrationPreviewDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

/**
 * The engine's operations routes (admins and supervisors; engine/src/operations). Every act takes
 * a reason, is audited, and answers its refusals in the page's language (Accept-Language).
 */
export const incidentsPath = (circuit: string) =>
  circuit ? `/api/operations/incidents?circuit=${encodeURIComponent(circuit)}` : '/api/operations/incidents';
export const deadLettersPath = '/api/admin/dead-letters';
export const instancePath = (id: string) => `/api/operations/instances/${encodeURIComponent(id)}`;
/** The deployed versions of one circuit, newest first, with their running instances. */
export const circuitVersionsPath = (key: string) => `/api/operations/circuits/${encodeURIComponent(key)}/versions`;
/** A person's open tasks (the inbox API; supervisors and admins see everyone's). */
export const tasksOfPath = (username: string) => `/api/user-tasks?assignee=${encodeURIComponent(username)}&pageSize=500&sort=createdAt`;
/** Mails whose chrono number contains the text typed (the registry's search). */
export const mailsByChronoPath = (chrono: string) => `/api/mails?chronoNumber=${encodeURIComponent(chrono)}&pageSize=10`;

/** A deployed version of a circuit, as the migration picker lists it. */
export interface CircuitVersionDto {
  id: string;
  key: string;
  version: number;
  name: string | null;
  /** Running instances of this version. */
  instances: number;
}

export const retryIncidents = (incidentIds: string[], reason: string) =>
  apiFetch<BulkResultDto>('/api/operations/incidents/retry', { method: 'POST', body: { incidentIds, reason } });

export const reassignTasks = (from: string, to: string, taskIds: string[], reason: string) =>
  apiFetch<BulkResultDto>('/api/operations/tasks/reassign', { method: 'POST', body: { from, to, taskIds, reason } });

export const fetchInstance = (id: string, signal?: AbortSignal) =>
  apiFetch<InstanceOperationsDto>(instancePath(id), signal ? { signal } : {});

export const cancelInstance = (id: string, reason: string) =>
  apiFetch<unknown>(`${instancePath(id)}/cancel`, { method: 'POST', body: { reason } });

export const moveInstance = (id: string, to: string, reason: string) =>
  apiFetch<unknown>(`${instancePath(id)}/move`, { method: 'POST', body: { to, reason } });

export const previewMigration = (sourceDefinitionId: string, targetDefinitionId: string) =>
  apiFetch<MigrationPreviewDto>('/api/operations/migrations/preview', { method: 'POST', body: { sourceDefinitionId, targetDefinitionId } });

export const migrateInstances = (sourceDefinitionId: string, targetDefinitionId: string, reason: string) =>
  apiFetch<BulkResultDto>('/api/operations/migrations', { method: 'POST', body: { sourceDefinitionId, targetDefinitionId, reason } });
