import type { CircuitDraftDto } from '@diwan/contracts';
import { apiFetch } from './api.client';

/** Engine paths of circuit drafts (`engine/src/circuits/circuit-draft.routes.ts`), admins only. */
export const draftsPath = '/api/circuit-drafts';
export const draftPath = (id: string) => `${draftsPath}/${encodeURIComponent(id)}`;

/** The draft of a deployed circuit (made from its XML and forms the first time); its versions are summaries. */
export const draftOfCircuit = (processDefinitionId: string) =>
  apiFetch<Omit<CircuitDraftDto, 'versions'>>(`${draftsPath}/from-circuit/${encodeURIComponent(processDefinitionId)}`, { method: 'POST', body: {} });
