import type { ExchangeAcknowledgment, ExchangeManifest, RegisterMailInput, SessionUser, SignedAcknowledgment } from '@diwan/contracts';
import { canonicalJson } from '../audit/audit.chain.js';
import { record } from '../audit/audit.service.js';
import type { UploadedFile } from '../attachments/attachment.upload.js';
import type { MailRegistration } from '../mail/mail.registration.js';
import { BadInputError, ConflictError, NotAuthenticatedError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { ExchangeIdentity } from './exchange.identity.js';
import { claimedSender, contentHashOf, verifyPackage } from './exchange.package.js';
import { ReceivedPackageModel, type ReceivedPackage } from './exchange-package.model.js';
import type { ExchangePeer } from './exchange-peer.model.js';
import type { ExchangePeerService } from './exchange-peer.service.js';

/** Who registers what comes in by exchange (the audit and the register name it; no person logs in as it). */
const EXCHANGE_REGISTRAR: SessionUser = { username: 'exchange', displayName: 'Exchange', roles: ['registrar'], departments: [], language: 'fr' };

export interface ReceivedOutcome {
  acknowledgment: SignedAcknowledgment;
  /** false: the package had been received before (the same acknowledgment again). */
  created: boolean;
}

/**
 * Receives a package from another administration: checks it (sender in the directory, its
 * signature, addressed to us, fresh, every file's hash), registers it as incoming mail (channel
 * administration, the sender as correspondent) exactly once per package id, and signs the
 * acknowledgment that the outbox then delivers. A package received before gets the same
 * acknowledgment again; the same id with other content is refused (409).
 */
export class ExchangeReceiver {
  constructor(
    private readonly identity: ExchangeIdentity,
    private readonly peers: ExchangePeerService,
    private readonly registration: MailRegistration,
    private readonly kickOutbox: () => void,
    private readonly logger: Logger,
  ) {}

  async receive(fields: Record<string, string>, files: UploadedFile[]): Promise<ReceivedOutcome> {
    this.identity.requireEnabled();
    const manifestText = fields.manifest;
    const signature = fields.signature;
    if (!manifestText || !signature) throw new BadInputError('A package has the fields "manifest" and "signature"');
    const senderId = claimedSender(manifestText);
    const peer = await this.peers.find(senderId);
    if (!peer) throw new NotAuthenticatedError(`${senderId} is not in this administration's exchange directory: package refused`);
    const manifest = verifyPackage(peer, this.identity.id, manifestText, signature, files);
    const contentHash = contentHashOf(manifest);

    const existing = await this.claim(manifest.packageId, peer._id, contentHash);
    if (existing.acknowledgment) return { acknowledgment: { acknowledgment: existing.acknowledgment.text, signature: existing.acknowledgment.signature }, created: false };

    const { mail, replayed } = await this.registration.register(EXCHANGE_REGISTRAR, incomingMailOf(manifest, peer, existing.receivedAt), files, `exchange:${manifest.packageId}`, 'received');
    if (!mail.chronoNumber) throw new Error(`The registration of package ${manifest.packageId} gave no chrono number`);
    const ack: ExchangeAcknowledgment = { version: 1, packageId: manifest.packageId, sender: { id: this.identity.id }, recipient: { id: peer._id }, chronoNumber: mail.chronoNumber, receivedAt: existing.receivedAt.toISOString() };
    const text = canonicalJson(ack);
    const now = new Date();
    const done = await ReceivedPackageModel.findOneAndUpdate(
      { _id: manifest.packageId, acknowledgment: null },
      {
        $set: {
          mailId: mail.id,
          chronoNumber: mail.chronoNumber,
          acknowledgment: { text, signature: this.identity.sign(Buffer.from(text, 'utf8')) },
          delivery: { state: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, deliveredAt: null },
        },
      },
      { returnDocument: 'after', lean: true },
    );
    if (done) {
      await record({ actor: 'exchange', action: 'exchange.received', mailId: mail.id, details: { peer: peer._id, peerName: peer.name, packageId: manifest.packageId, senderChronoNumber: manifest.mail.chronoNumber, chronoNumber: mail.chronoNumber, files: files.length } });
      this.logger.info({ packageId: manifest.packageId, peer: peer._id, chronoNumber: mail.chronoNumber, replayed }, 'exchange: package registered');
      this.kickOutbox();
    }
    const stored = done ?? (await ReceivedPackageModel.findById(manifest.packageId).lean());
    return { acknowledgment: { acknowledgment: stored!.acknowledgment!.text, signature: stored!.acknowledgment!.signature }, created: Boolean(done) };
  }

  /** The package's record: new, or the one already there if it has the same sender and content (else 409). */
  private async claim(packageId: string, sender: string, contentHash: string): Promise<ReceivedPackage> {
    let found = await ReceivedPackageModel.findById(packageId).lean();
    if (!found) {
      try {
        found = (await ReceivedPackageModel.create({ _id: packageId, sender, contentHash, receivedAt: new Date(), mailId: null, chronoNumber: null, acknowledgment: null, delivery: null })).toObject();
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        found = await ReceivedPackageModel.findById(packageId).lean();
        if (!found) throw err;
      }
    }
    if (found.sender !== sender || found.contentHash !== contentHash) {
      throw new ConflictError(`A different package with the id ${packageId} was already received: refused`);
    }
    return found;
  }
}

function incomingMailOf(manifest: ExchangeManifest, peer: ExchangePeer, receivedAt: Date): RegisterMailInput {
  const m = manifest.mail;
  return {
    direction: 'incoming',
    subject: m.subject,
    ...(m.summary ? { summary: m.summary.slice(0, 5000) } : {}),
    language: m.language,
    channel: 'administration',
    correspondent: { kind: 'administration', name: m.language === 'ar' ? peer.name.ar : peer.name.fr, registrationNumber: peer._id },
    receivedAt: receivedAt.toISOString(),
    ...(m.letterDate ? { letterDate: m.letterDate } : {}),
    // the sender's reference for this letter is its outgoing chrono number
    letterReference: m.chronoNumber.slice(0, 100),
  };
}
