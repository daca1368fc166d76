/**
 * Event names, `noun.verb`, defined once for engine, designer and workers.
 * Runtime events come from the runtime's event bridge; the engine turns them
 * into Socket.io events with the same names.
 */
export const RUNTIME_EVENT_TYPES = [
  'userTask.created',
  'userTask.assigned',
  'userTask.completed',
  'userTask.deleted',
  'processInstance.started',
  'processInstance.ended',
  'incident.created',
  'incident.resolved',
  'milestone.reached',
] as const;

export type RuntimeEventType = (typeof RUNTIME_EVENT_TYPES)[number];

/** Events the engine pushes to Socket.io clients. */
export const SOCKET_EVENTS = {
  userTaskSnapshot: 'userTask.snapshot',
  userTaskCreated: 'userTask.created',
  userTaskAssigned: 'userTask.assigned',
  userTaskCompleted: 'userTask.completed',
  userTaskDeleted: 'userTask.deleted',
  processInstanceStarted: 'processInstance.started',
  processInstanceEnded: 'processInstance.ended',
  incidentCreated: 'incident.created',
  incidentResolved: 'incident.resolved',
  mailRegistered: 'mail.registered',
  mailUpdated: 'mail.updated',
  receiptIssued: 'receipt.issued',
  dashboardUpdated: 'dashboard.updated',
  notificationCreated: 'notification.created',
} as const;

export type SocketEventName = (typeof SOCKET_EVENTS)[keyof typeof SOCKET_EVENTS];

/** Socket.io room names: who may receive what. */
export const rooms = {
  user: (username: string) => `user:${username}`,
  group: (groupId: string) => `group:${groupId}`,
  processInstance: (id: string) => `processInstance:${id}`,
  mail: (id: string) => `mail:${id}`,
  supervisors: 'supervisors',
} as const;
