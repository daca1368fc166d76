import type { Server } from 'socket.io';
import { rooms, type ClientEvents, type DomainEventName, type SocketEvents, type UserTaskDto } from '@diwan/contracts';
import { roomsOfMail } from '../mail/mail.visibility.js';
import type { EventBus } from '../shared/event-bus.js';

export type RealtimeIo = Server<ClientEvents, SocketEvents>;

const USER_TASK_EVENTS = ['userTask.created', 'userTask.assigned', 'userTask.completed', 'userTask.deleted'] as const satisfies readonly DomainEventName[];
const PROCESS_EVENTS = ['processInstance.started', 'processInstance.ended', 'incident.created', 'incident.resolved', 'milestone.reached'] as const satisfies readonly DomainEventName[];
const MAIL_EVENTS = ['mail.registered', 'mail.updated'] as const satisfies readonly DomainEventName[];

/** Listens after audit and projections: clients hear of what is already recorded. */
const REALTIME_LAST = 0;

/**
 * The one Socket.io publisher: it hears the domain events on the bus and pushes each to the
 * rooms that may see it. A task goes to its candidate groups and users, its assignee, its
 * instance's followers and supervisors; a mail to the rooms its rights allow.
 */
export function publishDomainEvents(bus: EventBus, io: RealtimeIo): void {
  for (const name of USER_TASK_EVENTS) bus.on(name, (task) => void io.to(roomsOfUserTask(task)).emit(name, task), REALTIME_LAST);
  for (const name of PROCESS_EVENTS) {
    bus.on(name, (event) => void io.to([rooms.supervisors, ...(event.processInstanceId ? [rooms.processInstance(event.processInstanceId)] : [])]).emit(name, event), REALTIME_LAST);
  }
  for (const name of MAIL_EVENTS) {
    bus.on(
      name,
      (mail) => void io.to(roomsOfMail({ _id: mail.id, confidentiality: mail.confidentiality, namedUsers: mail.namedUsers, registeredBy: mail.registeredBy, departments: mail.departments })).emit(name, mail),
      REALTIME_LAST,
    );
  }
  // Dashboard figures changed: admins and supervisors (their room), and the heads of the departments concerned.
  bus.on(
    'dashboard.updated',
    async ({ at, departments }) => {
      io.to(rooms.supervisors).emit('dashboard.updated', { at });
      const heads = new Set<string>();
      for (const socket of departments.length ? await io.in(departments.map(rooms.group)).fetchSockets() : []) {
        const user = socket.data.user as { roles?: string[] } | undefined;
        if (user?.roles?.includes('head') && !user.roles.includes('supervisor') && !user.roles.includes('admin')) heads.add(socket.id);
      }
      if (heads.size) io.to([...heads]).emit('dashboard.updated', { at });
    },
    REALTIME_LAST,
  );
}

function roomsOfUserTask(task: UserTaskDto): string[] {
  return [
    rooms.supervisors,
    rooms.processInstance(task.processInstanceId),
    ...task.candidateGroups.map(rooms.group),
    ...task.candidateUsers.map(rooms.user),
    ...(task.assignee ? [rooms.user(task.assignee)] : []),
  ];
}
