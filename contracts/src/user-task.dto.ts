import type { I18nText } from './mail-type.dto.js';

/** A user task as the engine's read model serves it to inboxes. */
export interface UserTaskDto {
  id: string;
  name: string | null;
  /** The step's name in each language (from the circuit's `name.ar|fr|en`), when the circuit gives them. */
  names: I18nText | null;
  taskDefinitionKey: string;
  processInstanceId: string;
  processDefinitionId: string;
  circuitKey: string | null;
  businessKey: string | null;
  /** The correspondence the task is about, when the business key is a mail; no subject when it is confidential or secret. */
  mail: { chronoNumber: string; subject: string | null } | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  priority: number;
  dueDate: string | null;
  formKey: string | null;
  createdAt: string;
  status: 'open' | 'completed' | 'deleted';
}

export interface UserTaskSnapshot {
  userTasks: UserTaskDto[];
}
