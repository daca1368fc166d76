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

export interface ActivityStatistics {
  id: string;
  instances: number;
  failedJobs: number;
  incidents: { incidentType: string; incidentCount: number }[];
}
