import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ExchangeManifest, MailDto, MailExchangeDto } from '@diwan/contracts';
import { openFile } from '../attachments/attachment.store.js';
import { record } from '../audit/audit.service.js';
import type { MailExchangeRecords } from '../mail/mail.exchange.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { ExchangeIdentity } from './exchange.identity.js';
import { manifestBytes, manifestFiles, type PackageFile } from './exchange.package.js';
import { SentPackageModel, type SentPackage } from './exchange-package.model.js';
import type { ExchangePeerService } from './exchange-peer.service.js';
import { postToPeer } from './exchange.peer-http.js';

/** The letter's current PDF (signed once signed), from the letters module; null when the mail has none. */
export type LetterPdfSource = (mailId: string) => Promise<Buffer | null>;

/**
 * Sends an outgoing mail to another administration: builds the package (manifest + the letter's
 * PDF + the mail's attachments), signs it, posts it to the peer, and records the sending on the
 * mail. Idempotent: the package id and content date are chosen once per mail, so a retry resends
 * the same package, which the peer registers only once.
 */
export class ExchangeSender {
  constructor(
    private readonly identity: ExchangeIdentity,
    private readonly peers: ExchangePeerService,
    private readonly mails: MailUpdates,
    private readonly records: MailExchangeRecords,
    private readonly letterPdf: LetterPdfSource | null,
    private readonly logger: Logger,
  ) {}

  async send(mailId: string, peerId: string, actor: string): Promise<MailExchangeDto> {
    this.identity.requireEnabled();
    const mail = await this.mails.get(mailId);
    if (mail.direction !== 'outgoing') throw new ConflictError(`Mail ${mail.chronoNumber} is not an outgoing mail`);
    if (!mail.chronoNumber) throw new ConflictError('The mail has no chrono number yet: it is sent once registered in the outgoing register');
    const peer = await this.peers.find(peerId);
    if (!peer) throw new NotFoundError(`No administration ${peerId} in the directory`);
    const sent = await this.packageOf(mailId, peerId);
    if (mail.exchange?.sentAt) return mail.exchange; // already delivered; nothing to resend

    const files = await this.filesOf(mail);
    const manifest: ExchangeManifest = {
      version: 1,
      packageId: sent._id,
      sender: { id: this.identity.id, name: this.identity.name },
      recipient: { id: peer._id },
      createdAt: sent.createdAt.toISOString(),
      signedAt: new Date().toISOString(),
      mail: {
        chronoNumber: mail.chronoNumber,
        subject: mail.subject,
        summary: mail.summary,
        letterDate: mail.letterDate ?? mail.registeredAt.slice(0, 10),
        language: mail.language,
        letterReference: mail.letterReference,
      },
      files: manifestFiles(files),
    };
    const bytes = manifestBytes(manifest);
    const form = new FormData();
    form.set('manifest', bytes.toString('utf8'));
    form.set('signature', this.identity.sign(bytes));
    for (const file of files) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.contentType }), file.filename);
    await postToPeer(peer, '/api/exchange/packages', form);

    const sentAt = new Date();
    const recorded = await this.records.recordSent(mailId, { peer: peer._id, peerName: peer.name, packageId: sent._id, sentAt });
    if (recorded) {
      await record({ actor, action: 'exchange.sent', mailId, details: { peer: peer._id, peerName: peer.name, packageId: sent._id, files: files.length } });
      this.logger.info({ mailId, peer: peer._id, packageId: sent._id }, 'exchange: package sent');
    }
    return (await this.mails.get(mailId)).exchange!;
  }

  /** The mail's package: chosen at the first attempt, the same on every retry. */
  private async packageOf(mailId: string, peerId: string): Promise<SentPackage> {
    let sent = await SentPackageModel.findOne({ mailId }).lean();
    if (!sent) {
      try {
        sent = (await SentPackageModel.create({ _id: randomUUID(), mailId, peer: peerId, createdAt: new Date() })).toObject();
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        sent = await SentPackageModel.findOne({ mailId }).lean();
        if (!sent) throw err;
      }
    }
    if (sent.peer !== peerId) throw new ConflictError(`This mail was already sent to ${sent.peer}`);
    return sent;
  }

  private async filesOf(mail: MailDto): Promise<PackageFile[]> {
    const files: PackageFile[] = [];
    // a mail without a letter (registered from a scan) sends its attachments only
    const letter = this.letterPdf ? await this.letterPdf(mail.id).catch((err: unknown) => (err instanceof NotFoundError ? null : Promise.reject(err))) : null;
    if (letter) files.push({ filename: `${(mail.chronoNumber ?? 'letter').replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`, contentType: 'application/pdf', data: letter, role: 'letter' });
    for (const attachment of mail.attachments.filter((a) => a.role !== 'receipt')) {
      const taken = new Set(files.map((f) => f.filename));
      const filename = taken.has(attachment.filename) ? `${files.length + 1}-${attachment.filename}` : attachment.filename;
      files.push({ filename, contentType: attachment.contentType, data: await readAll(openFile(attachment.id)), role: 'attachment' });
    }
    return files;
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
