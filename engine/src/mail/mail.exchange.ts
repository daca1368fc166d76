import type { MailDto } from '@diwan/contracts';
import type { EventBus } from '../shared/event-bus.js';
import { NotFoundError } from '../shared/errors.js';
import { toMailDto } from './mail.dto.js';
import { MailModel, type Mail, type MailExchange } from './mail.model.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * What an outgoing mail keeps of its exchange with another administration (engine/src/exchange
 * calls this, never the mail model): sent when, and the receiver's acknowledgment. Each change is
 * published as `mail.updated`; both writes are idempotent (set once).
 */
export class MailExchangeRecords {
  constructor(private readonly bus: EventBus) {}

  /** Records the sending once; answers whether this call recorded it (false: it was already). */
  async recordSent(mailId: string, sent: Omit<MailExchange, 'acknowledgedAt' | 'receiverChronoNumber'> & { sentAt: Date }): Promise<boolean> {
    if (!OBJECT_ID.test(mailId)) throw new NotFoundError(`No mail ${mailId}`);
    const exchange: MailExchange = { ...sent, acknowledgedAt: null, receiverChronoNumber: null };
    const updated = await MailModel.findOneAndUpdate(
      { _id: mailId, $or: [{ exchange: null }, { exchange: { $exists: false } }, { 'exchange.packageId': sent.packageId, 'exchange.sentAt': null }] },
      { $set: { exchange } },
      { returnDocument: 'after', lean: true },
    );
    if (!updated) return false;
    await this.publish(updated);
    return true;
  }

  /** Records the acknowledgment of the package once; answers whether this call recorded it. */
  async recordAcknowledged(mailId: string, packageId: string, ack: { acknowledgedAt: Date; receiverChronoNumber: string }): Promise<boolean> {
    if (!OBJECT_ID.test(mailId)) throw new NotFoundError(`No mail ${mailId}`);
    const updated = await MailModel.findOneAndUpdate(
      { _id: mailId, 'exchange.packageId': packageId, 'exchange.acknowledgedAt': null },
      { $set: { 'exchange.acknowledgedAt': ack.acknowledgedAt, 'exchange.receiverChronoNumber': ack.receiverChronoNumber } },
      { returnDocument: 'after', lean: true },
    );
    if (!updated) return false;
    await this.publish(updated);
    return true;
  }

  /** The mail's exchange record, or null (also for an unknown mail). */
  async current(mailId: string): Promise<MailExchange | null> {
    if (!OBJECT_ID.test(mailId)) return null;
    const mail = await MailModel.findById(mailId, { exchange: 1 }).lean();
    return mail?.exchange ?? null;
  }

  private async publish(mail: Mail): Promise<MailDto> {
    const dto = toMailDto(mail);
    await this.bus.emit('mail.updated', dto);
    return dto;
  }
}
