import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { AuthService } from './auth/auth.service.js';
import { passwords } from './auth/password.hasher.js';
import { moveRevokedTokensToUsers } from './auth/revoked-tokens.upgrade.js';
import { deployWhenRuntimeIsUp } from './circuits/circuit.deployer.js';
import { seedsDemo, type Config } from './config/config.js';
import { seedDemoAdministration } from './demo/demo-administration.js';
import { createApp } from './http/app.js';
import { setAdministrationTimeZone } from './shared/language.js';
import { AuditAnchors } from './audit/audit.anchor.js';
import { anchorAuditWith } from './audit/audit.service.js';
import { auditDomainEvents } from './audit/audit.subscriber.js';
import { CircuitModels } from './circuits/circuit-model.js';
import { createMailFeature } from './mail/mail.feature.js';
import { NotificationFeature } from './notifications/notification.feature.js';
import { DashboardFeature } from './dashboard/dashboard.feature.js';
import { AbsenceFeature } from './absences/absence.feature.js';
import { LetterFeature } from './letters/letter.feature.js';
import { ExchangeFeature } from './exchange/exchange.feature.js';
import { PortalFeature } from './portal/portal.feature.js';
import { Reconciler } from './reconcile/reconciler.js';
import { MailTypeService } from './mail-types/mail-type.service.js';
import { BridgeStatus } from './realtime/bridge-status.js';
import { publishDomainEvents } from './realtime/realtime.gateway.js';
import { RuntimeEventHandler } from './realtime/runtime-event.handler.js';
import { RealtimeServer } from './realtime/socket.server.js';
import { RuntimeClient } from './runtime/runtime.client.js';
import { EventBus } from './shared/event-bus.js';
import { createLogger, type Logger } from './shared/logger.js';
import { projectUserTasks } from './tasks/user-task.projector.js';
import { UserTaskService } from './tasks/user-task.service.js';

export interface RunningEngine {
  url: string;
  stop(): Promise<void>;
}

/** Connects the database, seeds the demo, starts HTTP and Socket.io, and deploys the standard circuits. */
export async function startEngine(config: Config): Promise<RunningEngine> {
  const logger = createLogger(config.LOG_LEVEL);
  await mongoose.connect(config.MONGODB_URI, { serverSelectionTimeoutMS: 20_000 });
  await mongoose.connection.syncIndexes();
  await moveRevokedTokensToUsers();
  const auditAnchors = new AuditAnchors(config.DIWAN_AUDIT_KEY, config.DIWAN_AUDIT_ANCHOR_FILE);
  anchorAuditWith(auditAnchors);
  if (seedsDemo(config)) await seedDemoAdministration(config.DIWAN_DEMO_PASSWORD, logger);

  const runtime = new RuntimeClient({
    baseUrl: config.DIWAN_RUNTIME_URL,
    user: config.DIWAN_RUNTIME_USER,
    password: config.DIWAN_RUNTIME_PASSWORD,
  });
  const bus = new EventBus();
  const auth = new AuthService(config.DIWAN_JWT_SECRET, config.DIWAN_TOKEN_TTL_HOURS, bus);
  const circuitModels = new CircuitModels(runtime);
  const userTasks = new UserTaskService(runtime);
  const mailTypes = new MailTypeService(async (key) => Boolean(await runtime.latestProcessDefinition(key).catch(() => null)));
  await mailTypes.ensureStandard();
  // The request listener must exist before Socket.io attaches, so that Socket.io answers its own
  // paths (/socket.io, long polling included) first and Express never sees them.
  // (Requests only arrive after listen(), once `app` below is set.)
  const http: Server = createServer((req, res) => app(req, res));
  const realtime = new RealtimeServer(http, auth, userTasks, logger, bus);
  const circuitsState = { deployed: false };
  // The event spine: audit first, then projections, then outboxes and followers, then Socket.io.
  const bridgeStatus = new BridgeStatus();
  setAdministrationTimeZone(config.DIWAN_TIME_ZONE);
  auditDomainEvents(bus);
  projectUserTasks(bus, async (definitionId, activityId) => (await circuitModels.of(definitionId)).node(activityId)?.names ?? null);
  publishDomainEvents(bus, realtime.io);
  const mail = createMailFeature(runtime, realtime.io, bus, mailTypes, logger);
  // The one notification outbox (SMS, e-mail, in-app): other modules call notifications.service.request.
  const notifications = new NotificationFeature(config, realtime.io, userTasks, (id) => mail.updates.get(id), logger, bus);
  const dashboard = new DashboardFeature(bus, logger, config.DIWAN_TIME_ZONE, async (definitionId, key) => (await circuitModels.of(definitionId)).node(key)?.names ?? null);
  const reconciler = new Reconciler(runtime, bus, logger, config.DIWAN_RECONCILE_EVERY_MINUTES * 60_000);
  const absences = new AbsenceFeature(runtime, bus, logger, config.DIWAN_TIME_ZONE);
  const letters = new LetterFeature((id) => mail.updates.get(id), userTasks, {
    timeZone: config.DIWAN_TIME_ZONE,
    administration: { ar: config.DIWAN_ADMINISTRATION_NAME_AR, fr: config.DIWAN_ADMINISTRATION_NAME_FR, en: config.DIWAN_ADMINISTRATION_NAME_EN },
  });
  await letters.start();
  const exchange = new ExchangeFeature(
    { key: config.DIWAN_EXCHANGE_KEY, id: config.DIWAN_EXCHANGE_ID, name: { ar: config.DIWAN_EXCHANGE_NAME_AR || config.DIWAN_ADMINISTRATION_NAME_AR, fr: config.DIWAN_EXCHANGE_NAME_FR || config.DIWAN_ADMINISTRATION_NAME_FR } },
    mail,
    bus,
    logger,
    (mailId) => letters.letters.currentPdf(mailId),
  );
  // The public portal sends through the one notification outbox (never by itself).
  const portal = new PortalFeature(mail, mailTypes, notifications.service, { ar: config.DIWAN_ADMINISTRATION_NAME_AR, fr: config.DIWAN_ADMINISTRATION_NAME_FR }, logger);
  const app = createApp({
    logger,
    auth,
    runtime,
    userTasks,
    runtimeEvents: new RuntimeEventHandler(bus, logger, bridgeStatus),
    bridgeStatus,
    mailTypes,
    circuitModels,
    reconciler,
    bus,
    circuitsState,
    bridgeToken: config.DIWAN_BRIDGE_TOKEN,
    workerToken: config.DIWAN_WORKER_TOKEN,
    designerDist: config.DIWAN_DESIGNER_DIST,
    trustProxy: config.DIWAN_TRUST_PROXY,
    mail,
    dashboard,
    absences: absences.service,
    letters,
    exchange,
    notifications,
    portal,
    reports: { timeZone: config.DIWAN_TIME_ZONE, administration: { ar: config.DIWAN_ADMINISTRATION_NAME_AR, fr: config.DIWAN_ADMINISTRATION_NAME_FR, en: config.DIWAN_ADMINISTRATION_NAME_EN } },
  });
  await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
  const { port } = http.address() as AddressInfo;
  logger.info({ port }, 'engine listening');
  deployWhenRuntimeIsUp(runtime, config.DIWAN_PROCESSES_DIR, logger, circuitsState);
  mail.circuitStarter.start();
  reconciler.start();
  absences.start();
  exchange.start();
  notifications.start();
  dashboard.rebuildIfStale();

  return {
    url: `http://localhost:${port}`,
    /**
     * Stops within 7 s whatever state the database and the runtime are in: no new requests,
     * the loops end their pass, requests in flight get a moment, the anchor is written, the database
     * closed. Each step has its own time limit; a step that runs out is logged and left behind.
     */
    async stop() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      await Promise.all([
        within(2_000, 'reconciler', reconciler.stop(), logger),
        within(2_000, 'absence delegation', absences.stop(), logger),
        within(2_000, 'exchange acknowledgment outbox', exchange.stop(), logger),
        within(2_000, 'notification outbox', notifications.stop(), logger),
        within(2_000, 'dashboard projections', dashboard.stop(), logger),
        within(2_000, 'circuit start outbox', mail.stop(), logger),
        within(1_000, 'Socket.io', realtime.close(), logger),
        within(1_000, 'password threads', passwords.close(), logger),
      ]);
      if (!(await within(2_000, 'requests in flight', closed, logger))) http.closeAllConnections();
      await within(1_000, 'audit anchor', auditAnchors.flush(), logger);
      await within(2_000, 'database', mongoose.disconnect(), logger);
      logger.info('engine stopped');
    },
  };
}

/** Waits for `work` at most `ms`; false (and a warning) when it ran out of time or failed. */
async function within(ms: number, step: string, work: Promise<unknown>, logger: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    work.then(() => 'done' as const, (err: unknown) => (err instanceof Error ? err.message : String(err))),
    new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms))),
  ]);
  clearTimeout(timer);
  if (outcome === 'done') return true;
  logger.warn({ step, ms, error: outcome === 'late' ? undefined : outcome }, outcome === 'late' ? 'stop: step ran out of time' : 'stop: step failed');
  return false;
}
