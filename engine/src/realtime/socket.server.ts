import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { SOCKET_EVENTS, rooms, type SessionUser, type UserTaskDto } from '@diwan/contracts';
import type { AuthService } from '../auth/auth.service.js';
import type { Logger } from '../shared/logger.js';
import { seesAllTasks } from '../tasks/user-task.visibility.js';
import type { UserTaskService } from '../tasks/user-task.service.js';

/**
 * Socket.io: a client connects with its login token, joins the rooms it may
 * hear (its user, its departments, supervisors), gets a snapshot, then events.
 */
export class RealtimeServer {
  readonly io: Server;

  constructor(
    http: HttpServer,
    private readonly auth: AuthService,
    private readonly userTasks: UserTaskService,
    private readonly logger: Logger,
  ) {
    this.io = new Server(http, { serveClient: false, cors: { origin: false } });
    this.io.use(async (socket, next) => {
      try {
        const token = (socket.handshake.auth as { token?: string }).token;
        socket.data.user = await this.auth.userForToken(token);
        next();
      } catch (err) {
        // The client reads data.code to tell "log in again" from "try again later".
        const refusal = Object.assign(new Error((err as Error).message), { data: { code: (err as { code?: string }).code ?? 'unavailable' } });
        next(refusal);
      }
    });
    this.io.on('connection', (socket) => {
      const user = socket.data.user as SessionUser;
      void socket.join(roomsOf(user));
      void this.userTasks
        .listVisible(user, {})
        .then((userTasks) => socket.emit(SOCKET_EVENTS.userTaskSnapshot, { userTasks }))
        .catch((err: unknown) => this.logger.error({ err }, 'snapshot failed'));
    });
  }

  /** Sends a user-task event to everyone who may see that task. */
  publishUserTask(event: string, task: UserTaskDto): void {
    const targets = [
      rooms.supervisors,
      rooms.processInstance(task.processInstanceId),
      ...task.candidateGroups.map(rooms.group),
      ...task.candidateUsers.map(rooms.user),
      ...(task.assignee ? [rooms.user(task.assignee)] : []),
    ];
    this.io.to(targets).emit(event, task);
  }

  /** Process-level events go to supervisors and to whoever follows that instance. */
  publishToSupervisors(event: string, payload: unknown, processInstanceId: string): void {
    this.io.to([rooms.supervisors, rooms.processInstance(processInstanceId)]).emit(event, payload);
  }

  close(): Promise<void> {
    return this.io.close();
  }
}

function roomsOf(user: SessionUser): string[] {
  return [
    rooms.user(user.username),
    ...user.departments.map(rooms.group),
    ...(seesAllTasks(user) ? [rooms.supervisors] : []),
  ];
}
