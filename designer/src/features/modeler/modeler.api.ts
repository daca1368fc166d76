import type {
  CircuitDecisionDto,
  CircuitDraftDto,
  CircuitFormDto,
  DeployResultDto,
  DraftDeploymentDto,
  DraftSummaryDto,
  DraftVersionSummaryDto,
  PolicyViolationDto,
} from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { draftPath, draftsPath } from '../../shared/api/circuit-drafts.api';

export type DraftDeployment = DraftDeploymentDto;
export type DraftSummary = DraftSummaryDto;
export type PolicyViolation = PolicyViolationDto;
export type DeployResult = DeployResultDto;

/** The engine's circuit drafts as the modeler edits them (paths in shared/api/circuit-drafts.api.ts). */
export type CircuitForm = CircuitFormDto;
export type CircuitDecision = CircuitDecisionDto;
export type DraftVersion = DraftVersionSummaryDto;
export type CircuitDraft = Omit<CircuitDraftDto, 'versions'> & { versions: DraftVersion[] };

/** The drafts whose name or process id contains `query` (all when empty). */
export const draftSearchPath = (query: string) => (query.trim() ? `${draftsPath}?${new URLSearchParams({ q: query.trim() })}` : draftsPath);

export const createDraft = (input: { name: string; xml?: string }) => apiFetch<CircuitDraft>(draftsPath, { method: 'POST', body: input });

export const saveDraft = (id: string, body: { xml: string; forms: CircuitForm[]; decisions: CircuitDecision[]; revision: number }) =>
  apiFetch<CircuitDraft>(draftPath(id), { method: 'PUT', body });

export const deleteDraft = (id: string) => apiFetch<void>(draftPath(id), { method: 'DELETE' });

export const addVersion = (id: string, label: string) => apiFetch<DraftVersion>(`${draftPath(id)}/versions`, { method: 'POST', body: { label } });

export const validateDraft = (id: string) =>
  apiFetch<{ violations: PolicyViolation[] }>(`${draftPath(id)}/validate`, { method: 'POST', body: {} });

export const deployDraft = (id: string, versionNumber: number | null) =>
  apiFetch<DeployResult>(`${draftPath(id)}/deploy`, { method: 'POST', body: { versionNumber } });
