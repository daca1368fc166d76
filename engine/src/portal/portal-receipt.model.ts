import { Schema, model } from 'mongoose';
import type { ReceiptSignatureMethod } from '@diwan/contracts';

/**
 * A portal receipt as issued (collection `portalReceipts`, _id = the tracking code without dashes):
 * the signed PDF's sha256 (unique: the verify route finds a receipt by it), and the facts it states.
 */
export interface PortalReceiptDoc {
  _id: string;
  mailId: string;
  chronoNumber: string;
  receiptNumber: string;
  registeredAt: Date;
  sha256: string;
  signedWith: ReceiptSignatureMethod;
  signer: string;
  attachmentId: string | null;
  issuedAt: Date;
}

const schema = new Schema<PortalReceiptDoc>(
  {
    _id: { type: String, required: true },
    mailId: { type: String, required: true, unique: true },
    chronoNumber: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    sha256: { type: String, required: true, unique: true },
    signedWith: { type: String, required: true },
    signer: { type: String, required: true },
    attachmentId: { type: String, default: null },
    issuedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const PortalReceiptModel = model<PortalReceiptDoc>('PortalReceipt', schema, 'portalReceipts');
