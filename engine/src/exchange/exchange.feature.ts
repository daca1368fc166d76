import type { MailFeature } from '../mail/mail.feature.js';
import { MailExchangeRecords } from '../mail/mail.exchange.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { AckOutbox } from './exchange.ack-outbox.js';
import { AcknowledgmentReceiver } from './exchange.acknowledgments.js';
import { ExchangeIdentity, type ExchangeIdentitySettings } from './exchange.identity.js';
import { ExchangeReceiver } from './exchange.receiver.js';
import { ExchangeSender, type LetterPdfSource } from './exchange.sender.js';
import { ExchangePeerService } from './exchange-peer.service.js';

/** Exchange between administrations, wired once by the server: identity, directory, sending, receiving and the acknowledgment outbox. */
export class ExchangeFeature {
  readonly identity: ExchangeIdentity;
  readonly peers: ExchangePeerService;
  readonly sender: ExchangeSender;
  readonly receiver: ExchangeReceiver;
  readonly acknowledgments: AcknowledgmentReceiver;
  private readonly outbox: AckOutbox;

  constructor(settings: ExchangeIdentitySettings, mail: MailFeature, bus: EventBus, logger: Logger, letterPdf: LetterPdfSource | null) {
    this.identity = new ExchangeIdentity(settings);
    this.peers = new ExchangePeerService(() => this.identity.id);
    const records = new MailExchangeRecords(bus);
    this.outbox = new AckOutbox(this.peers, logger);
    this.sender = new ExchangeSender(this.identity, this.peers, mail.updates, records, letterPdf, logger);
    this.receiver = new ExchangeReceiver(this.identity, this.peers, mail.registration, () => this.outbox.kick(), logger);
    this.acknowledgments = new AcknowledgmentReceiver(this.identity, this.peers, records, logger);
    if (this.identity.enabled) logger.info({ id: this.identity.id }, 'exchange: identity ready');
  }

  start(): void {
    if (this.identity.enabled) this.outbox.start();
  }

  stop(): Promise<void> {
    return this.outbox.stop();
  }
}
