import { Schema, model } from 'mongoose';
import type { UserTaskDto } from '@diwan/contracts';

/** The read model of user tasks that inboxes and dashboards query, fed by the runtime's event bridge. */
export interface UserTask {
  _id: string;
  name: string | null;
  names: { ar: string; fr: string; en: string } | null;
  taskDefinitionKey: string;
  processInstanceId: string;
  processDefinitionId: string;
  circuitKey: string | null;
  businessKey: string | null;
  mail: { chronoNumber: string; subject: string | null } | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  priority: number;
  dueDate: Date | null;
  formKey: string | null;
  createdAt: Date;
  status: 'open' | 'completed' | 'deleted';
  endedAt: Date | null;
}

const userTaskSchema = new Schema<UserTask>(
  {
    _id: { type: String, required: true },
    name: { type: String, default: null },
    names: { type: new Schema({ ar: String, fr: String, en: String }, { _id: false }), default: null },
    taskDefinitionKey: { type: String, required: true },
    processInstanceId: { type: String, required: true, index: true },
    processDefinitionId: { type: String, required: true },
    circuitKey: { type: String, default: null },
    businessKey: { type: String, default: null, index: true },
    mail: { type: new Schema({ chronoNumber: String, subject: { type: String, default: null } }, { _id: false }), default: null },
    assignee: { type: String, default: null, index: true },
    candidateGroups: { type: [String], default: [], index: true },
    candidateUsers: { type: [String], default: [] },
    priority: { type: Number, default: 50 },
    dueDate: { type: Date, default: null },
    formKey: { type: String, default: null },
    createdAt: { type: Date, required: true },
    status: { type: String, enum: ['open', 'completed', 'deleted'], default: 'open', index: true },
    endedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const UserTaskModel = model<UserTask>('UserTask', userTaskSchema, 'userTasks');

export function toUserTaskDto(t: UserTask): UserTaskDto {
  return {
    id: t._id,
    name: t.name,
    names: t.names?.ar ? { ar: t.names.ar, fr: t.names.fr, en: t.names.en } : null,
    taskDefinitionKey: t.taskDefinitionKey,
    processInstanceId: t.processInstanceId,
    processDefinitionId: t.processDefinitionId,
    circuitKey: t.circuitKey,
    businessKey: t.businessKey,
    mail: t.mail ?? null,
    assignee: t.assignee,
    candidateGroups: t.candidateGroups,
    candidateUsers: t.candidateUsers,
    priority: t.priority,
    dueDate: t.dueDate?.toISOString() ?? null,
    formKey: t.formKey,
    createdAt: t.createdAt.toISOString(),
    status: t.status,
  };
}
