import { z } from 'zod';

/**
 * Operations for admins and supervisors (`/api/operations/...`): incidents, bulk reassignment,
 * cancelling or moving an instance, and migrating instances to another circuit version. Every act
 * takes a reason and is audited.
 */
const reason = z.string().trim().min(3).max(500);
const ids = z.array(z.string().min(1).max(100)).min(1).max(500);

/** An incident of a failing step, with its cause and the mail it concerns. */
export interface IncidentDto {
  id: string;
  type: string;
  /** The runtime's message: the worker's error. */
  cause: string;
  createdAt: string;
  processInstanceId: string;
  processDefinitionId: string;
  circuitKey: string | null;
  circuitName: string | null;
  activityId: string;
  /** The step's name in the caller's language. */
  stepName: string;
  /** The external task behind it, when it is one (retry sets its retries). */
  externalTaskId: string | null;
  topic: string | null;
  mail: { id: string; chronoNumber: string } | null;
}

export const retryIncidentsSchema = z.object({ incidentIds: ids, reason });
export type RetryIncidents = z.output<typeof retryIncidentsSchema>;

/** The result of an act on many items: each one succeeded or failed with its own message. */
export interface BulkResultDto {
  done: string[];
  failed: { id: string; message: string }[];
}

export const reassignTasksSchema = z.object({
  from: z.string().trim().min(1).max(100),
  to: z.string().trim().min(1).max(100),
  /** The tasks to move; all the open tasks assigned to `from` when absent. */
  taskIds: ids.optional(),
  reason,
});
export type ReassignTasks = z.output<typeof reassignTasksSchema>;

export const cancelInstanceSchema = z.object({ reason });
export const moveInstanceSchema = z.object({
  /** The step (flow node id) to move the instance to; every active step is cancelled. */
  to: z.string().min(1).max(255),
  reason,
});

/** An instance as the move dialog shows it: where it is, and where it may go. */
export interface InstanceOperationsDto {
  id: string;
  processDefinitionId: string;
  circuitKey: string;
  mail: { id: string; chronoNumber: string } | null;
  active: { activityId: string; stepName: string }[];
  /** The steps it may be moved to (tasks, events and gateways of its circuit version). */
  targets: { activityId: string; stepName: string }[];
}

export const migrationPlanSchema = z.object({
  sourceDefinitionId: z.string().min(1).max(255),
  targetDefinitionId: z.string().min(1).max(255),
});
export const migrationExecuteSchema = migrationPlanSchema.extend({
  /** Which instances; all the running instances of the source version when absent. */
  processInstanceIds: ids.optional(),
  reason,
});
export type MigrationExecute = z.output<typeof migrationExecuteSchema>;

/** What maps where, before migrating: the runtime's generated plan, with names and counts. */
export interface MigrationPreviewDto {
  source: { id: string; key: string; version: number; name: string };
  target: { id: string; key: string; version: number; name: string };
  mapped: { from: { activityId: string; stepName: string }; to: { activityId: string; stepName: string }; instances: number }[];
  /** Steps of the source version with running instances that have no counterpart: those instances can't move. */
  unmapped: { activityId: string; stepName: string; instances: number }[];
  instanceCount: number;
  /** The runtime's validation, instance by instance, in plain text. */
  problems: { processInstanceId: string; messages: string[] }[];
}
