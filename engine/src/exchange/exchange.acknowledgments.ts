import { exchangeAcknowledgmentSchema, type SignedAcknowledgment } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { MailExchangeRecords } from '../mail/mail.exchange.js';
import { BadInputError, NotAuthenticatedError, NotFoundError, UnavailableError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { validate } from '../shared/validate.js';
import type { ExchangeIdentity } from './exchange.identity.js';
import { verifyBytes } from './exchange.keys.js';
import { SentPackageModel } from './exchange-package.model.js';
import type { ExchangePeerService } from './exchange-peer.service.js';

/**
 * Takes an acknowledgment back from the administration we sent a package to: it must be signed
 * with that administration's key (from our directory), be addressed to us, and name a package we
 * sent to it. The outgoing mail then shows "acknowledged on … under number …". Idempotent: the
 * acknowledgment is recorded (and audited) once; later deliveries answer the same.
 */
export class AcknowledgmentReceiver {
  constructor(
    private readonly identity: ExchangeIdentity,
    private readonly peers: ExchangePeerService,
    private readonly records: MailExchangeRecords,
    private readonly logger: Logger,
  ) {}

  async receive(signed: SignedAcknowledgment): Promise<{ packageId: string; recorded: boolean }> {
    this.identity.requireEnabled();
    type Claimed = { sender?: { id?: unknown } } | null;
    let claimed: Claimed;
    try {
      claimed = JSON.parse(signed.acknowledgment) as Claimed;
    } catch {
      throw new BadInputError('The acknowledgment is not JSON');
    }
    const senderId = typeof claimed?.sender?.id === 'string' ? claimed.sender.id : '';
    if (!senderId) throw new BadInputError('The acknowledgment does not name its sender (sender.id)');
    const peer = await this.peers.find(senderId);
    if (!peer) throw new NotAuthenticatedError(`${senderId} is not in this administration's exchange directory: acknowledgment refused`);
    if (!verifyBytes(Buffer.from(signed.acknowledgment, 'utf8'), signed.signature, peer.publicKey)) {
      throw new NotAuthenticatedError(`The acknowledgment's signature is not valid for ${peer._id}'s key`);
    }
    const ack = validate(exchangeAcknowledgmentSchema, claimed, 'acknowledgment');
    if (ack.recipient.id !== this.identity.id) throw new BadInputError(`The acknowledgment is addressed to ${ack.recipient.id}, not to this administration`);
    const sent = await SentPackageModel.findById(ack.packageId).lean();
    if (!sent || sent.peer !== peer._id) throw new NotFoundError(`No package ${ack.packageId} was sent to ${peer._id}`);

    const recorded = await this.records.recordAcknowledged(sent.mailId, sent._id, { acknowledgedAt: new Date(ack.receivedAt), receiverChronoNumber: ack.chronoNumber });
    if (!recorded) {
      // The receiver may answer before we wrote down the sending (its outbox is quick): let it come again.
      const current = await this.records.current(sent.mailId);
      if (current?.packageId !== sent._id || !current.acknowledgedAt) throw new UnavailableError(`Package ${sent._id} is not recorded as sent yet: try again`);
    }
    if (recorded) {
      await record({ actor: 'exchange', action: 'exchange.acknowledged', mailId: sent.mailId, details: { peer: peer._id, peerName: peer.name, packageId: sent._id, receiverChronoNumber: ack.chronoNumber, receivedAt: ack.receivedAt } });
      this.logger.info({ packageId: sent._id, peer: peer._id, chronoNumber: ack.chronoNumber }, 'exchange: acknowledgment recorded');
    }
    return { packageId: sent._id, recorded };
  }
}
