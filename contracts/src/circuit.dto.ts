import { z } from 'zod';

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

/** What the history figures of a circuit's live view cover: its instances started in the last 7 or 30 days, or all. */
export const CIRCUIT_STATS_PERIODS = ['all', '30d', '7d'] as const;
export type CircuitStatsPeriod = (typeof CIRCUIT_STATS_PERIODS)[number];

/** `GET /api/circuits/:id/stats?period=`. */
export const circuitStatsQuerySchema = z.object({ period: z.enum(CIRCUIT_STATS_PERIODS).default('all') });

/** Figures of one step of a deployed circuit: live tokens, and history over the period. */
export interface ActivityFigures {
  /** Live: tokens at the step now (the runtime's statistics). */
  running: number;
  incidents: number;
  /** History (one GROUP BY in the runtime): times a token reached the step, still there or gone on. */
  passes: number;
  /** Of those passes, the ended ones (completed or canceled), and the canceled ones. */
  finished: number;
  canceled: number;
  /** Mean time of the step's latest completed passes (at most `averageSampleLimit`); null when none completed. */
  averageMs: number | null;
  /** How many completed passes `averageMs` covers. */
  finishedSampled: number;
}

/** `GET /api/circuits/:id/stats`: the live view and heatmap of a deployed circuit. */
export interface CircuitStatsDto {
  processDefinitionId: string;
  period: CircuitStatsPeriod;
  /** Start of the period (instances started since then), or null for all. */
  since: string | null;
  /** The most completed passes of one step an average covers (the latest ones). */
  averageSampleLimit: number;
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
