import { z } from 'zod';
import { RUNTIME_EVENT_TYPES } from './events.js';
import type { MailStatus } from './mail.schema.js';

/**
 * The statuses a circuit may declare as milestones (`diwan.milestone` on a flow node): the mail
 * statuses but `registered` (set at registration) and `void` (set by the registry).
 */
export const MILESTONE_STATUSES = ['triaged', 'in_progress', 'validated', 'closed', 'archived'] as const satisfies readonly MailStatus[];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

const isoDate = z.iso.datetime({ offset: true });

export const runtimeUserTaskSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullable(),
  taskDefinitionKey: z.string().min(1),
  assignee: z.string().nullable(),
  candidateGroups: z.array(z.string()),
  candidateUsers: z.array(z.string()),
  dueDate: isoDate.nullable(),
  followUpDate: isoDate.nullable(),
  priority: z.number().int(),
  formKey: z.string().nullable(),
  createdAt: isoDate,
  deleteReason: z.string().nullable(),
});

export const runtimeIncidentSchema = z.object({
  id: z.string().min(1),
  incidentType: z.string(),
  activityId: z.string().nullable(),
  message: z.string().nullable(),
});

/**
 * A flow node carrying `diwan.milestone` started. The status is kept a plain string here: the
 * deployment policy refuses unknown values, and one odd value must not block the whole batch.
 */
export const runtimeMilestoneSchema = z.object({
  status: z.string().min(1),
  activityId: z.string().min(1),
  activityName: z.string().nullable(),
});

/** One event as the runtime's event bridge posts it (at least once). */
export const runtimeEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(RUNTIME_EVENT_TYPES),
  occurredAt: isoDate,
  /** Null for events outside any instance, e.g. the incident of a failing timer-start job. */
  processInstanceId: z.string().min(1).nullable(),
  processDefinitionId: z.string().min(1).nullable(),
  processDefinitionKey: z.string().nullable(),
  businessKey: z.string().nullable(),
  userTask: runtimeUserTaskSchema.nullable().optional(),
  incident: runtimeIncidentSchema.nullable().optional(),
  milestone: runtimeMilestoneSchema.nullable().optional(),
});

/**
 * A batch as the bridge posts it. Only the envelope is checked as a whole: each event is then
 * checked on its own, so that one bad event goes to dead letters and never blocks the rest.
 */
export const runtimeEventBatchSchema = z.object({
  node: z.string().max(200),
  /** Events still waiting in the runtime's outbox after this batch. */
  pending: z.number().int().min(0).optional(),
  events: z.array(z.unknown()).max(1000),
});

export type RuntimeMilestone = z.infer<typeof runtimeMilestoneSchema>;
export type RuntimeUserTask = z.infer<typeof runtimeUserTaskSchema>;
export type RuntimeEvent = z.infer<typeof runtimeEventSchema>;
export type RuntimeEventBatch = z.infer<typeof runtimeEventBatchSchema>;
