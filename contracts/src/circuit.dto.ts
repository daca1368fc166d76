/** A deployed circuit (the latest version of a Camunda process definition). */
export interface CircuitDto {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
  resource: string;
}

export interface CircuitXmlDto {
  id: string;
  bpmn20Xml: string;
}

/** Live figures of one step of a deployed circuit. */
export interface ActivityFigures {
  running: number;
  incidents: number;
  /** Mean time spent in the step over its last finished instances; null when none finished yet. */
  averageMs: number | null;
  finishedSampled: number;
}

/** `GET /api/circuits/:id/stats`: the live view of a deployed circuit. */
export interface CircuitStatsDto {
  processDefinitionId: string;
  activities: Record<string, ActivityFigures>;
  computedAt: string;
}

/** What was last deployed from a circuit draft. */
export interface DraftDeploymentDto {
  versionNumber: number | null;
  processDefinitionId: string;
  deployedAt: string;
  deployedBy: string;
}

/** `GET /api/circuit-drafts`: one row per draft. */
export interface DraftSummaryDto {
  id: string;
  name: string;
  processKey: string;
  revision: number;
  versions: number;
  deployed: DraftDeploymentDto | null;
  updatedAt: string;
  updatedBy: string;
}

/** A refusal of the deployment policy: which file, which element, which rule. */
export interface PolicyViolationDto {
  file: string;
  elementId: string | null;
  rule: string;
  message: string;
}

/** `POST /api/circuit-drafts/:id/deploy`. */
export interface DeployResultDto {
  deploymentId: string;
  processDefinitionId: string;
  version: number;
}
