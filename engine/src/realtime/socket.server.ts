import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { SOCKET_EVENTS, rooms, type SessionUser } from '@diwan/contracts';
import type { AuthService, Session } from '../auth/auth.service.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { seesAllTasks } from '../tasks/user-task.visibility.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import type { RealtimeIo } from './realtime.gateway.js';

/** How often connected sockets are checked against their users and revoked tokens. */
const RECHECK_MS = 5_000;
/** setTimeout's ceiling (~24.8 days); a later expiry is caught by a later timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Socket.io: a client connects with its login token, joins the rooms it may
 * hear (its user, its departments, supervisors), gets a snapshot, then events
 * (published by the realtime gateway). A socket lives no longer than its
 * token: it is dropped when the token expires or is revoked (logout), and
 * when its user is disabled or their roles or departments change (its rooms
 * would be wrong); the client then reconnects with a valid token, or logs in.
 */
export class RealtimeServer {
  readonly io: RealtimeIo;
  private readonly recheck: ReturnType<typeof setInterval>;

  constructor(
    http: HttpServer,
    private readonly auth: AuthService,
    private readonly userTasks: UserTaskService,
    private readonly logger: Logger,
    bus?: EventBus,
    recheckMs = RECHECK_MS,
  ) {
    this.io = new Server(http, { serveClient: false, cors: { origin: false } });
    this.io.use(async (socket, next) => {
      try {
        const token = (socket.handshake.auth as { token?: string }).token;
        const session = await this.auth.sessionForToken(token);
        socket.data.user = session.user;
        socket.data.session = session;
        next();
      } catch (err) {
        // The client reads data.code to tell "log in again" from "try again later".
        const refusal = Object.assign(new Error((err as Error).message), { data: { code: (err as { code?: string }).code ?? 'unavailable' } });
        next(refusal);
      }
    });
    this.io.on('connection', (socket) => {
      const { user, expiresAt } = socket.data.session as Session;
      this.dropAt(socket, expiresAt);
      void socket.join(roomsOf(user));
      void this.userTasks
        .listVisible(user, {})
        .then((userTasks) => socket.emit(SOCKET_EVENTS.userTaskSnapshot, { userTasks }))
        .catch((err: unknown) => this.logger.error({ err }, 'snapshot failed'));
    });
    bus?.on('session.revoked', ({ jti }) => {
      for (const socket of this.sockets()) if (sessionOf(socket).jti === jti) this.drop(socket, 'token revoked');
    });
    this.recheck = setInterval(() => void this.recheckAll().catch((err: unknown) => this.logger.warn({ err }, 'socket recheck failed')), recheckMs);
    this.recheck.unref();
  }

  close(): Promise<void> {
    clearInterval(this.recheck);
    return this.io.close();
  }

  private sockets(): Socket[] {
    return [...this.io.of('/').sockets.values()];
  }

  private dropAt(socket: Socket, expiresAt: Date): void {
    const wait = expiresAt.getTime() - Date.now();
    const timer = setTimeout(() => (wait > MAX_TIMER_MS ? this.dropAt(socket, expiresAt) : this.drop(socket, 'token expired')), Math.max(0, Math.min(wait, MAX_TIMER_MS)));
    socket.once('disconnect', () => clearTimeout(timer));
  }

  private drop(socket: Socket, reason: string): void {
    if (!socket.connected) return;
    this.logger.info({ username: sessionOf(socket).user.username, reason }, 'socket dropped');
    socket.disconnect(true);
  }

  /** Drops the sockets whose user is gone, disabled or changed, or whose token was revoked (on any engine node). */
  private async recheckAll(): Promise<void> {
    const sockets = this.sockets();
    const ended = await this.auth.endedSessions(sockets.map(sessionOf));
    for (const socket of sockets) {
      const reason = ended.get(sessionOf(socket).jti);
      if (reason) this.drop(socket, reason);
    }
  }
}

const sessionOf = (socket: Socket): Session => socket.data.session as Session;

function roomsOf(user: SessionUser): string[] {
  return [
    rooms.user(user.username),
    ...user.departments.map(rooms.group),
    ...(seesAllTasks(user) ? [rooms.supervisors] : []),
  ];
}
