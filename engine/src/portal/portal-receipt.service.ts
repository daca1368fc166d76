import { createHash } from 'node:crypto';
import type { MailDto, PortalReceiptFactsDto } from '@diwan/contracts';
import { renderReceipt } from '@diwan/documents';
import { openFile } from '../attachments/attachment.store.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import { formatTrackingCode } from '../mail/mail.number.js';
import { issueReceipt } from '../receipts/receipt.service.js';
import { NotFoundError } from '../shared/errors.js';
import { PortalReceiptModel, type PortalReceiptDoc } from './portal-receipt.model.js';
import { receiptSigner, type SignerSettings } from './receipt.signing.js';

export interface ReceiptSettings extends SignerSettings {
  publicUrl: string;
  timeZone: string;
}

/** The public verify page of a tracking code: where the receipt's QR code leads. */
export const verifyUrlOf = (publicUrl: string, trackingCode: string) => `${publicUrl.replace(/\/+$/, '')}/portal/verify?code=${encodeURIComponent(formatTrackingCode(trackingCode))}`;

export const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/**
 * A portal mail's receipt: the registry's receipt number (engine/src/receipts, keyed by the mail's id,
 * so the circuit's `receipt.issue` later gets the same one), the one bilingual layout
 * (@diwan/documents `renderReceipt`) with the tracking code and a QR code to the verify page, signed
 * (seal, else Ed25519) and attached to the mail as its `receipt`. Issued once per mail.
 */
export class PortalReceipts {
  constructor(
    private readonly updates: MailUpdates,
    private readonly settings: ReceiptSettings,
  ) {}

  async issue(mail: MailDto & { chronoNumber: string; trackingCode: string }): Promise<PortalReceiptDoc> {
    const existing = await PortalReceiptModel.findById(mail.trackingCode).lean();
    if (existing) return existing;
    const receipt = await issueReceipt({ businessKey: mail.id, processInstanceId: null });
    await this.updates.recordReceipt(mail.id, receipt);
    const signer = await receiptSigner(this.settings);
    const pdf = await renderReceipt({
      chronoNumber: mail.chronoNumber,
      receiptNumber: receipt.number,
      receivedAt: mail.receivedAt,
      issuedAt: receipt.issuedAt.toISOString(),
      correspondent: mail.correspondent?.name ?? null,
      subject: mail.subject,
      trackingUrl: verifyUrlOf(this.settings.publicUrl, mail.trackingCode),
      trackingCode: formatTrackingCode(mail.trackingCode),
      signature: signer.mention,
      timeZone: this.settings.timeZone,
    });
    const signed = await signer.sign(pdf);
    const sha256 = createHash('sha256').update(signed).digest('hex');
    const doc: PortalReceiptDoc = {
      _id: mail.trackingCode,
      mailId: mail.id,
      chronoNumber: mail.chronoNumber,
      receiptNumber: receipt.number,
      registeredAt: new Date(mail.registeredAt ?? mail.receivedAt),
      sha256,
      signedWith: signer.method,
      signer: signer.signer,
      attachmentId: null,
      issuedAt: receipt.issuedAt,
    };
    try {
      await PortalReceiptModel.create(doc);
    } catch (err) {
      // Another node issued it first: theirs is the receipt.
      if ((err as { code?: number }).code === 11000) return (await PortalReceiptModel.findById(mail.trackingCode).lean())!;
      throw err;
    }
    const filename = `accuse-reception-${mail.chronoNumber.replaceAll('/', '-')}.pdf`;
    const { mail: updated } = await this.updates.addAttachment(mail.id, { field: 'receipt', filename, contentType: 'application/pdf', size: signed.length, sha256, data: signed }, 'receipt', 'portal');
    const attachmentId = updated.attachments.find((a) => a.role === 'receipt' && a.sha256 === sha256)?.id ?? null;
    await PortalReceiptModel.updateOne({ _id: doc._id }, { $set: { attachmentId } });
    return { ...doc, attachmentId };
  }

  async byTrackingCode(code: string): Promise<PortalReceiptDoc | null> {
    const id = normaliseCode(code);
    return /^[0-9A-Z]{16}$/.test(id) ? PortalReceiptModel.findById(id).lean() : null;
  }

  async bySha256(sha256: string): Promise<PortalReceiptDoc | null> {
    return PortalReceiptModel.findOne({ sha256 }).lean();
  }

  /** The signed PDF's bytes. */
  async pdf(code: string): Promise<{ filename: string; stream: NodeJS.ReadableStream }> {
    const receipt = await this.byTrackingCode(code);
    if (!receipt?.attachmentId) throw new NotFoundError('No receipt with this tracking code');
    return { filename: `accuse-reception-${receipt.chronoNumber.replaceAll('/', '-')}.pdf`, stream: openFile(receipt.attachmentId) };
  }
}

export function factsOf(r: PortalReceiptDoc): PortalReceiptFactsDto {
  return {
    chronoNumber: r.chronoNumber,
    receiptNumber: r.receiptNumber,
    trackingCode: formatTrackingCode(r._id),
    registeredAt: r.registeredAt.toISOString(),
    signedWith: r.signedWith,
    signer: r.signer,
  };
}
