import type { DashboardUpdatedEvent } from './dashboard.dto.js';
import type { MailDto, MailStatus } from './mail.schema.js';
import type { MyNotificationDto } from './notification.dto.js';
import type { RuntimeEvent } from './runtime-event.schema.js';
import type { UserTaskDto, UserTaskSnapshot } from './user-task.dto.js';

/** A mail as its events carry it: the DTO plus who registered it (rights need it). */
export type MailEventPayload = MailDto & { registeredBy: string };

/**
 * The engine's domain events, `noun.verb` → payload: defined once. Services emit each event once
 * to the engine's in-process bus; audit, the realtime gateway, the circuit-start outbox, the
 * milestone follower and the inbox projector subscribe. `SocketEvents` below is the part that
 * Socket.io clients receive, with the same names and payloads.
 */
export interface DomainEvents {
  'mail.registered': MailEventPayload;
  'mail.updated': MailEventPayload;
  'mail.statusChanged': { mailId: string; from: MailStatus; to: MailStatus; actor: string; activityId: string | null; activityName: string | null };
  /** A runtime event arrived through the bridge (once per event id). */
  'runtimeEvent.received': RuntimeEvent;
  'userTask.created': UserTaskDto;
  'userTask.assigned': UserTaskDto;
  'userTask.completed': UserTaskDto;
  'userTask.deleted': UserTaskDto;
  'processInstance.started': RuntimeEvent;
  'processInstance.ended': RuntimeEvent;
  'incident.created': RuntimeEvent;
  'incident.resolved': RuntimeEvent;
  'milestone.reached': RuntimeEvent;
  /** A user logged out: the token (by its jti) is revoked, its sockets are dropped. */
  'session.revoked': { username: string; jti: string };
  /** Dashboard figures changed (throttled by the projector); `departments` tells which heads may hear it. */
  'dashboard.updated': DashboardUpdatedEvent & { departments: string[] };
}
export type DomainEventName = keyof DomainEvents;

/** What a Socket.io client receives: a subset of the domain events, plus its snapshot. */
export interface SocketEvents {
  'userTask.snapshot': (snapshot: UserTaskSnapshot) => void;
  'userTask.created': (task: UserTaskDto) => void;
  'userTask.assigned': (task: UserTaskDto) => void;
  'userTask.completed': (task: UserTaskDto) => void;
  'userTask.deleted': (task: UserTaskDto) => void;
  'processInstance.started': (event: RuntimeEvent) => void;
  'processInstance.ended': (event: RuntimeEvent) => void;
  'incident.created': (event: RuntimeEvent) => void;
  'incident.resolved': (event: RuntimeEvent) => void;
  'milestone.reached': (event: RuntimeEvent) => void;
  'mail.registered': (mail: MailEventPayload) => void;
  'mail.updated': (mail: MailEventPayload) => void;
  /** To admins, supervisors and heads: a dashboard figure changed (throttled). */
  'dashboard.updated': (event: DashboardUpdatedEvent) => void;
  /** To the user concerned: a new in-app notification (the bell). */
  'notification.created': (notification: MyNotificationDto) => void;
}

/** Audit actions: the domain events that are audited, and the user's and workers' acts. */
export const AUDIT_ACTIONS = [
  'mail.registered',
  'mail.statusChanged',
  'mail.voided',
  'attachment.added',
  'receipt.issued',
  'circuit.started',
  'circuit.startFailed',
  'circuit.deployed',
  'circuit.created',
  'circuit.versioned',
  'circuitDraft.deleted',
  'mailType.created',
  'mailType.updated',
  'circuitDefaults.updated',
  'userTask.claimed',
  'userTask.unclaimed',
  'userTask.delegated',
  'userTask.completed',
  'deadline.reminded',
  'deadline.escalated',
  'readModel.reconciled',
  'incident.retried',
  'userTask.reassigned',
  'processInstance.cancelled',
  'processInstance.moved',
  'processInstance.migrated',
  'report.generated',
  'absence.declared',
  'absence.ended',
  'exchange.sent',
  'exchange.received',
  'exchange.acknowledged',
  'exchangePeer.saved',
  'exchangePeer.deleted',
  'mail.dispatched',
  'mail.drafted',
  'document.signed',
  'letter.saved',
  'letterTemplate.saved',
  'letterTemplate.deleted',
  'citizen.answered',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a Socket.io client may send. */
export interface ClientEvents {
  'mail.follow': (mailId: string, ack?: (answer: { ok: boolean }) => void) => void;
}
