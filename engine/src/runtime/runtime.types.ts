/** The parts of the Camunda 7 REST API (Operaton or Camunda 7.24 CE) that engine uses. */
export interface ProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
  resource: string;
  suspended: boolean;
}

export interface Deployment {
  id: string;
  name: string | null;
  deploymentTime: string;
  deployedProcessDefinitions: Record<string, ProcessDefinition> | null;
}

export interface ProcessInstance {
  id: string;
  definitionId: string;
  businessKey: string | null;
  ended: boolean;
}

export interface HistoricProcessInstance {
  id: string;
  businessKey: string | null;
  processDefinitionKey: string;
  processDefinitionId: string;
  state: 'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'EXTERNALLY_TERMINATED' | 'INTERNALLY_TERMINATED';
  startTime: string;
  endTime: string | null;
}

export interface RuntimeTask {
  id: string;
  name: string | null;
  assignee: string | null;
  processInstanceId: string;
  processDefinitionId: string;
  taskDefinitionKey: string;
  created: string;
  due: string | null;
  followUp: string | null;
  priority: number;
  formKey: string | null;
}

export interface IdentityLink {
  userId: string | null;
  groupId: string | null;
  type: string;
}

export interface HistoricTask {
  id: string;
  endTime: string | null;
  deleteReason: string | null;
  assignee: string | null;
}

export type VariableValue = { value: unknown; type: 'String' | 'Boolean' | 'Long' | 'Double' | 'Date' | 'Null' | 'Json' };
export type Variables = Record<string, VariableValue>;

export interface DeploymentFile {
  name: string;
  content: string | Uint8Array;
}

export interface HistoricActivityInstance {
  id: string;
  activityId: string;
  activityType: string;
  processDefinitionId: string;
  startTime: string;
  endTime: string | null;
  durationInMillis?: number | null;
  canceled: boolean;
}

export interface Incident {
  id: string;
  activityId: string | null;
  incidentMessage: string | null;
  incidentType: string;
}

/** `GET /history/process-definition/{id}/statistics?finished=true&canceled=true`: one row per activity. */
export interface HistoricActivityStatistics {
  id: string;
  /** Unfinished activity instances. */
  instances: number;
  finished: number;
  canceled: number;
}

export interface ActivityStatistics {
  id: string;
  instances: number;
  failedJobs: number;
  incidents: { incidentType: string; incidentCount: number }[];
}

/** An open incident as `GET /incident` lists it (operations). */
export interface IncidentDetails extends Incident {
  incidentTimestamp: string;
  processInstanceId: string | null;
  processDefinitionId: string | null;
  rootCauseIncidentId: string | null;
  /** The failed external task's id (failedExternalTask) or the failed job's id (failedJob). */
  configuration: string | null;
}

export interface ExternalTask {
  id: string;
  topicName: string | null;
  processInstanceId: string | null;
  activityId: string | null;
  businessKey: string | null;
  retries: number | null;
  errorMessage: string | null;
}

/** A node of `GET /process-instance/{id}/activity-instances`: activity and transition instances. */
export interface ActivityInstanceTree {
  id: string;
  activityId: string;
  activityType: string;
  childActivityInstances: ActivityInstanceTree[];
  childTransitionInstances: { id: string; activityId: string; activityType: string }[];
}

export type ModificationInstruction =
  | { type: 'startBeforeActivity'; activityId: string }
  | { type: 'cancel'; activityInstanceId: string }
  | { type: 'cancel'; transitionInstanceId: string };

export interface MigrationInstruction {
  sourceActivityIds: string[];
  targetActivityIds: string[];
  updateEventTrigger?: boolean;
}

export interface MigrationPlan {
  sourceProcessDefinitionId: string;
  targetProcessDefinitionId: string;
  instructions: MigrationInstruction[];
}

/** `POST /migration/validate`: the plan's failures, instruction by instruction. */
export interface MigrationPlanReport {
  instructionReports: { instruction: MigrationInstruction; failures: string[] }[];
}

/** A message (or signal) an execution waits for. */
export interface EventSubscription {
  id: string;
  eventType: string;
  eventName: string | null;
  executionId: string;
  processInstanceId: string;
  activityId: string;
  createdDate: string;
}
