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

/** A Camunda Form of a draft, deployed as `<formId>.form`. */
export interface CircuitFormDto {
  formId: string;
  /** The form-js schema, as JSON text. */
  schema: string;
}

/** A DMN file of a draft (decision tables, FEEL), deployed as `<file>.dmn` with the circuit. */
export interface CircuitDecisionDto {
  /** The file name without `.dmn`: letters, digits, `_` and `-` (see DECISION_FILE_PATTERN). */
  file: string;
  /** The DMN 1.3 XML. */
  xml: string;
}

/** What a decision file may be called: it becomes a resource name in the runtime. */
export const DECISION_FILE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** A named version of a draft, as the draft lists it. */
export interface DraftVersionSummaryDto {
  number: number;
  label: string;
  savedAt: string;
  savedBy: string;
}

/** `GET /api/circuit-drafts/:id/versions/:number`: a named version with its files. */
export interface DraftVersionDto extends DraftVersionSummaryDto {
  xml: string;
  forms: CircuitFormDto[];
  decisions: CircuitDecisionDto[];
}

/**
 * `GET /api/circuit-drafts/:id`: a draft, keyed by its own id. Several drafts may hold the same
 * process; `processKey` is the id of the BPMN's executable process, read from `xml` on each save.
 */
export interface CircuitDraftDto {
  _id: string;
  name: string;
  processKey: string;
  xml: string;
  forms: CircuitFormDto[];
  decisions: CircuitDecisionDto[];
  /** Each save takes the revision it was loaded at, and a stale one is refused with 409. */
  revision: number;
  versions: DraftVersionDto[];
  deployed: DraftDeploymentDto | null;
  updatedAt: string;
  updatedBy: string;
}

/** `GET /api/circuit-drafts`: one row per draft. */
export interface DraftSummaryDto {
  id: string;
  name: string;
  processKey: string;
  revision: number;
  versions: number;
  /** How many decision (.dmn) files the draft holds. */
  decisions: number;
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
