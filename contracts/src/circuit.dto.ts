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
