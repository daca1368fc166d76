import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { SOCKET_EVENTS, rooms, type SessionUser } from '@diwan/contracts';
import type { AuthService } from '../auth/auth.service.js';
import type { Logger } from '../shared/logger.js';
import { seesAllTasks } from '../tasks/user-task.visibility.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import type { RealtimeIo } from './realtime.gateway.js';

/**
 * Socket.io: a client connects with its login token, joins the rooms it may
 * hear (its user, its departments, supervisors), gets a snapshot, then events
 * (published by the realtime gateway).
 */
export class RealtimeServer {
  readonly io: RealtimeIo;

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
