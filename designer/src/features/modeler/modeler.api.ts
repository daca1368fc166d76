import type { DeployResultDto, DraftDeploymentDto, DraftSummaryDto, PolicyViolationDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

export type DraftDeployment = DraftDeploymentDto;
export type DraftSummary = DraftSummaryDto;
export type PolicyViolation = PolicyViolationDto;
export type DeployResult = DeployResultDto;

/** The engine's circuit drafts (`engine/src/circuits/circuit-draft.routes.ts`), admins only. */
export interface CircuitForm {
  formId: string;
  schema: string;
}

export interface DraftVersion {
  number: number;
  label: string;
  savedAt: string;
  savedBy: string;
}


export interface CircuitDraft {
  _id: string;
  name: string;
  processKey: string;
  xml: string;
  forms: CircuitForm[];
  revision: number;
  versions: DraftVersion[];
  deployed: DraftDeployment | null;
  updatedAt: string;
  updatedBy: string;
}


export const draftsPath = '/api/circuit-drafts';
export const draftPath = (id: string) => `${draftsPath}/${encodeURIComponent(id)}`;
export const draftRoute = (id: string) => `/circuits/drafts/${encodeURIComponent(id)}`;

/** The draft of a deployed circuit (made from its XML and forms the first time). */
export const draftOfCircuit = (processDefinitionId: string) =>
  apiFetch<CircuitDraft>(`${draftsPath}/from-circuit/${encodeURIComponent(processDefinitionId)}`, { method: 'POST', body: {} });
export const createDraft = (input: { name: string; xml?: string }) => apiFetch<CircuitDraft>(draftsPath, { method: 'POST', body: input });

export const saveDraft = (id: string, body: { xml: string; forms: CircuitForm[]; revision: number }) =>
  apiFetch<CircuitDraft>(draftPath(id), { method: 'PUT', body });

export const addVersion = (id: string, label: string) => apiFetch<DraftVersion>(`${draftPath(id)}/versions`, { method: 'POST', body: { label } });

export const validateDraft = (id: string) =>
  apiFetch<{ violations: PolicyViolation[] }>(`${draftPath(id)}/validate`, { method: 'POST', body: {} });

export const deployDraft = (id: string, versionNumber: number | null) =>
  apiFetch<DeployResult>(`${draftPath(id)}/deploy`, { method: 'POST', body: { versionNumber } });
