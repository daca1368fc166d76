import { Schema, model } from 'mongoose';

/**
 * The packages we send (one per outgoing mail) and those we receive. A sent package keeps its id
 * and content date, so a retry resends the same package; a received one keeps its content hash
 * (a reused id with other content is refused), the mail it became, the acknowledgment we signed,
 * and that acknowledgment's delivery (an outbox: pending until the sender took it).
 */
export interface SentPackage {
  _id: string;
  mailId: string;
  peer: string;
  createdAt: Date;
}

export interface AckDelivery {
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  lockedUntil: Date | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

export interface ReceivedPackage {
  _id: string;
  sender: string;
  contentHash: string;
  receivedAt: Date;
  mailId: string | null;
  chronoNumber: string | null;
  /** The signed acknowledgment (the exact text and its signature), the same on every replay. */
  acknowledgment: { text: string; signature: string } | null;
  delivery: AckDelivery | null;
}

const sentSchema = new Schema<SentPackage>({ _id: String, mailId: { type: String, required: true, unique: true }, peer: { type: String, required: true }, createdAt: { type: Date, required: true } }, { versionKey: false });

const receivedSchema = new Schema<ReceivedPackage>(
  {
    _id: String,
    sender: { type: String, required: true },
    contentHash: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    mailId: { type: String, default: null },
    chronoNumber: { type: String, default: null },
    acknowledgment: { type: new Schema({ text: String, signature: String }, { _id: false }), default: null },
    delivery: {
      type: new Schema<AckDelivery>({ state: String, attempts: Number, nextAttemptAt: Date, lockedUntil: Date, lastError: String, deliveredAt: Date }, { _id: false }),
      default: null,
    },
  },
  { versionKey: false, minimize: false },
);
receivedSchema.index({ 'delivery.state': 1, 'delivery.nextAttemptAt': 1 });

export const SentPackageModel = model<SentPackage>('ExchangeSentPackage', sentSchema, 'exchangeSentPackages');
export const ReceivedPackageModel = model<ReceivedPackage>('ExchangeReceivedPackage', receivedSchema, 'exchangeReceivedPackages');
