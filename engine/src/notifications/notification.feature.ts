import type { MailDto, NotificationChannel } from '@diwan/contracts';
import type { Config } from '../config/config.js';
import type { RealtimeIo } from '../realtime/realtime.gateway.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { DeadlineNotifier } from './notification.deadline.js';
import { NotificationDelivery } from './notification.delivery.js';
import { emailTransport } from './notification.email.js';
import { inAppTransport } from './notification.in-app.js';
import { NotificationService } from './notification.service.js';
import { httpSmsTransport } from './notification.sms-http.js';
import { smppTransport } from './notification.smpp.js';
import { notifyAssignedTasks } from './notification.tasks.js';
import type { Transport } from './notification.transport.js';

export type NotificationSettings = Pick<
  Config,
  | 'DIWAN_TIME_ZONE'
  | 'DIWAN_SMTP_URL'
  | 'DIWAN_MAIL_FROM'
  | 'DIWAN_SMS_TRANSPORT'
  | 'DIWAN_SMPP_URL'
  | 'DIWAN_SMPP_SYSTEM_ID'
  | 'DIWAN_SMPP_PASSWORD'
  | 'DIWAN_SMS_SENDER'
  | 'DIWAN_SMS_GATEWAY_URL'
  | 'DIWAN_SMS_GATEWAY_TOKEN'
  | 'DIWAN_DEADLINE_EMAIL'
>;

/**
 * The notifications module, wired once by the server: `service.request(...)` is what other modules
 * call (portal confirmation codes, tracking codes); the delivery loop sends; `deadlines` serves
 * the deadline topics.
 */
export class NotificationFeature {
  readonly service: NotificationService;
  readonly deadlines: DeadlineNotifier;
  private readonly delivery: NotificationDelivery;

  constructor(settings: NotificationSettings, io: RealtimeIo | null, userTasks: UserTaskService, mailOf: (id: string) => Promise<MailDto>, logger: Logger, bus?: EventBus) {
    this.service = new NotificationService(settings.DIWAN_TIME_ZONE);
    if (bus) notifyAssignedTasks(bus, this.service, logger);
    const onReceipt = (messageId: string, delivered: boolean, word: string) =>
      void this.service
        .recordReceipt('smpp', messageId, delivered, word)
        .then((found) => (found ? undefined : logger.warn({ messageId, word }, 'notifications: receipt for an unknown message')))
        .catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'notifications: receipt not recorded'));
    const sms =
      settings.DIWAN_SMS_TRANSPORT === 'http'
        ? httpSmsTransport(settings.DIWAN_SMS_GATEWAY_URL, settings.DIWAN_SMS_GATEWAY_TOKEN, settings.DIWAN_SMS_SENDER)
        : smppTransport({ url: settings.DIWAN_SMPP_URL, systemId: settings.DIWAN_SMPP_SYSTEM_ID, password: settings.DIWAN_SMPP_PASSWORD, sourceAddr: settings.DIWAN_SMS_SENDER }, onReceipt, logger);
    const transports: Record<NotificationChannel, Transport> = {
      email: emailTransport(settings.DIWAN_SMTP_URL, settings.DIWAN_MAIL_FROM),
      sms,
      inApp: inAppTransport(io),
    };
    this.delivery = new NotificationDelivery(transports, logger);
    this.service.onRequested(() => this.delivery.kick());
    const desk = settings.DIWAN_DEADLINE_EMAIL.split(',').map((s) => s.trim()).filter(Boolean);
    this.deadlines = new DeadlineNotifier(this.service, userTasks, mailOf, desk);
  }

  start(): void {
    this.delivery.start();
  }

  stop(): Promise<void> {
    return this.delivery.stop();
  }
}
