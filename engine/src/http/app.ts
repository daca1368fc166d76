import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { authRoutes } from '../auth/auth.routes.js';
import { requireUser } from '../auth/auth.middleware.js';
import type { AuthService } from '../auth/auth.service.js';
import type { CircuitModels } from '../circuits/circuit-model.js';
import { circuitRoutes } from '../circuits/circuit.routes.js';
import { circuitDraftRoutes } from '../circuits/circuit-draft.routes.js';
import { CircuitDraftService } from '../circuits/circuit-draft.service.js';
import { circuitEventRoutes } from '../circuits/circuit-event.routes.js';
import { localisePolicyRefusal } from '../circuits/policy.messages.js';
import { healthRoutes } from '../health/health.routes.js';
import type { RuntimeEventHandler } from '../realtime/runtime-event.handler.js';
import type { BridgeStatus } from '../realtime/bridge-status.js';
import { deadLetterRoutes, runtimeEventRoutes } from '../realtime/runtime-events.routes.js';
import { receiptRoutes } from '../receipts/receipt.routes.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { apiNotFound, errorMiddleware } from '../shared/error.middleware.js';
import type { Logger } from '../shared/logger.js';
import { userTaskRoutes } from '../tasks/user-task.routes.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { rejectNulCharacters, trustedProxies } from './input-guard.js';
import { designerStatic } from './designer.static.js';
import { openApiDocument } from './openapi.js';
import { securityHeaders } from './security-headers.js';
import { attachmentRoutes } from '../attachments/attachment.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { correspondentRoutes } from '../correspondents/correspondent.routes.js';
import { departmentRoutes } from '../departments/department.routes.js';
import type { MailFeature } from '../mail/mail.feature.js';
import { mailTypeRoutes } from '../mail-types/mail-type.routes.js';
import type { MailTypeService } from '../mail-types/mail-type.service.js';
import { reconcileRoutes } from '../reconcile/reconcile.routes.js';
import { operationsRoutes } from '../operations/operations.routes.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Reconciler } from '../reconcile/reconciler.js';
import { mailInternalRoutes } from '../mail/mail.internal.routes.js';
import { missingMailAuditEntries } from '../mail/mail.audit-completeness.js';
import { mailRoutes } from '../mail/mail.routes.js';
import { mailDraftRoutes, outgoingRegisterRoutes } from '../mail/mail.draft.routes.js';
import { createSignatureFeature } from '../signatures/signature.feature.js';
import { signatureRoutes } from '../signatures/signature.routes.js';
import { trackingRoutes } from '../tracking/tracking.routes.js';
import { answerDocumentRoutes } from '../tracking/answer-document.routes.js';
import { publicStatsRoutes } from '../public-stats/public-stats.routes.js';
import { userRoutes } from '../users/user.routes.js';
import type { DashboardFeature } from '../dashboard/dashboard.feature.js';
import { dashboardRoutes } from '../dashboard/dashboard.routes.js';
import type { ReportSettings } from '../reports/monthly-report.figures.js';
import { reportRoutes } from '../reports/report.routes.js';
import { absenceRoutes } from '../absences/absence.routes.js';
import type { LetterFeature } from '../letters/letter.feature.js';
import { letterRoutes } from '../letters/letter.routes.js';
import { letterTemplateRoutes } from '../letters/letter-template.routes.js';
import type { AbsenceService } from '../absences/absence.service.js';
import { createDispatchFeature } from '../dispatch/dispatch.feature.js';
import { dispatchInternalRoutes } from '../dispatch/dispatch.internal.routes.js';
import { dispatchRoutes } from '../dispatch/dispatch.routes.js';
import { currentLetterPdf } from '../dispatch/dispatch.letter.js';
import type { ExchangeFeature } from '../exchange/exchange.feature.js';
import { exchangeRoutes } from '../exchange/exchange.routes.js';
import { exchangeInternalRoutes } from '../exchange/exchange.internal.routes.js';
import { exchangePeerRoutes } from '../exchange/exchange-peer.routes.js';
import type { NotificationFeature } from '../notifications/notification.feature.js';
import { notificationInternalRoutes } from '../notifications/notification.internal.routes.js';
import { notificationRoutes } from '../notifications/notification.routes.js';
import type { PortalFeature } from '../portal/portal.feature.js';
import { portalRoutes } from '../portal/portal.routes.js';

export interface AppDeps {
  logger: Logger;
  auth: AuthService;
  runtime: RuntimeClient;
  userTasks: UserTaskService;
  runtimeEvents: RuntimeEventHandler;
  circuitsState: { deployed: boolean };
  bridgeToken: string;
  workerToken: string;
  designerDist: string;
  trustProxy: string;
  mail: MailFeature;
  mailTypes: MailTypeService;
  circuitModels: CircuitModels;
  reconciler: Reconciler;
  bridgeStatus: BridgeStatus;
  dashboard: DashboardFeature;
  /** The monthly reports' time zone and the administration's name. */
  reports: ReportSettings;
  /** The domain event spine (operations publish the mails they change). */
  bus: EventBus;
  /** Absences and their substitutes. */
  absences: AbsenceService;
  /** Letters (content, versions, PDF) and their templates; `letters.letters` is the LetterService. */
  letters: LetterFeature;
  /** Exchange between administrations (identity, directory, packages, acknowledgments). */
  exchange: ExchangeFeature;
  /** The public portal: deposits, confirmation, sealed receipts and their verification. */
  portal: PortalFeature;
  /** The notification outbox (SMS, e-mail, in-app); `notifications.service.request` is what other modules call. */
  notifications: NotificationFeature;
}

/** The routes that only services call (the workers, the runtime's event bridge), by the original URL (a router strips its mount path from `req.path`). */
const SERVICE_PATH = /^\/api\/(internal\/|runtime-events)/;

/** The HTTP app: public routes, internal routes, then everything behind a login, then the designer. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only the configured proxy may tell the client's address (X-Forwarded-For); by default none.
  app.set('trust proxy', trustedProxies(deps.trustProxy));
  app.use(securityHeaders());
  // gzip for text answers (the designer's scripts and styles, JSON such as a circuit's BPMN); not for
  // files that are compressed already (PDF, images), nor for the workers' and the runtime's calls
  // (on the local network, where zipping and unzipping each answer cost more CPU than it saved
  // time). Socket.io has its own server.
  app.use(compression({ filter: (req, res) => !SERVICE_PATH.test(req.originalUrl) && compression.filter(req, res) }));

  const api = express.Router();
  // A line per request: who asked what and the answer's status, not every header (the answers' long
  // security headers made up most of each line, and writing them cost the engine CPU on every call).
  api.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  api.use(express.json({ limit: '1mb' }));
  api.use(rejectNulCharacters);
  api.use(healthRoutes(deps.runtime, deps.circuitsState, deps.bridgeStatus));
  const openapi = openApiDocument();
  api.get('/openapi.json', (_req, res) => res.json(openapi));
  api.use(authRoutes(deps.auth));
  api.use(runtimeEventRoutes(deps.bridgeToken, deps.runtimeEvents));
  api.use(receiptRoutes(deps.workerToken, (receipt) => deps.mail.updates.recordReceipt(receipt.businessKey, receipt)));
  api.use(mailInternalRoutes(deps.workerToken, deps.mail.updates));
  // The parapheur: signature steps need their signature; registration in register D stamps the letter.
  const signatures = createSignatureFeature(deps.letters.letters, deps.userTasks, deps.circuitModels, deps.mail.outgoingRegister, deps.logger);
  api.use(outgoingRegisterRoutes(deps.workerToken, deps.mail.outgoingRegister));
  // Dispatch of outgoing mail: the letter that leaves is the letters module's current PDF (signed once signed), else the reply attachment.
  const dispatch = createDispatchFeature(deps.bus, deps.mail.updates, deps.reports, currentLetterPdf(deps.letters.letters));
  api.use(dispatchInternalRoutes(deps.workerToken, deps.mail.updates, dispatch.dispatches, dispatch.currentPdf));
  api.use(circuitEventRoutes(deps.workerToken));
  api.use(trackingRoutes({ runtime: deps.runtime, circuitModels: deps.circuitModels, updates: deps.mail.updates }));
  api.use(publicStatsRoutes(deps.dashboard.timeZone));
  api.use(portalRoutes(deps.portal));
  api.use(exchangeRoutes(deps.exchange.identity, deps.exchange.receiver, deps.exchange.acknowledgments));
  api.use(exchangeInternalRoutes(deps.workerToken, deps.exchange.sender));
  api.use(notificationInternalRoutes(deps.workerToken, deps.notifications.service, deps.notifications.deadlines));
  api.use(requireUser(deps.auth));
  api.use(circuitRoutes(deps.runtime, deps.circuitModels, (user, mailId, key) => deps.mail.circuitStarter.startFor(user, mailId, key)));
  api.use(mailTypeRoutes(deps.mailTypes));
  api.use(circuitDraftRoutes(new CircuitDraftService(deps.runtime)));
  api.use(userTaskRoutes(deps.userTasks));
  api.use(mailDraftRoutes(deps.mail.drafting));
  api.use(mailRoutes(deps.mail.registration, deps.runtime, deps.dashboard.timeZone));
  api.use(signatureRoutes(signatures));
  api.use(attachmentRoutes());
  api.use(answerDocumentRoutes(deps.mail.updates, deps.userTasks));
  api.use(correspondentRoutes());
  api.use(departmentRoutes());
  api.use(userRoutes());
  api.use(auditRoutes(missingMailAuditEntries));
  api.use(deadLetterRoutes());
  api.use(reconcileRoutes(deps.reconciler));
  api.use(dashboardRoutes(deps.dashboard));
  api.use(reportRoutes(deps.reports));
  api.use(operationsRoutes(deps.runtime, deps.circuitModels, deps.bus));
  api.use(absenceRoutes(deps.absences));
  api.use(letterTemplateRoutes(deps.letters.templates));
  api.use(letterRoutes(deps.letters.letters, deps.mail.updates));
  api.use(dispatchRoutes(dispatch.dispatches, dispatch.documents));
  api.use(exchangePeerRoutes(deps.exchange.peers));
  api.use(notificationRoutes(deps.notifications.service));
  api.use(apiNotFound);
  // a refused deployment answers in the caller's language (Accept-Language)
  api.use(localisePolicyRefusal);
  app.use('/api', api);

  if (existsSync(path.join(deps.designerDist, 'index.html'))) {
    app.use(designerStatic(deps.designerDist));
  } else {
    deps.logger.warn({ designerDist: deps.designerDist }, 'designer not built: serving the API only');
  }
  app.use(errorMiddleware(deps.logger));
  return app;
}
