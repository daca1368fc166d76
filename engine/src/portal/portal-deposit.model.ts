import { Schema, model } from 'mongoose';
import type { PortalDeposit } from '@diwan/contracts';

/** A held file of a deposit (bytes in GridFS, bucket `portalDeposits`). */
export interface HeldFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * A deposit made on the public portal, held until its code is confirmed (collection `portalDeposits`).
 * The code is kept as an HMAC only. Once registered, `registration` holds the answer that every later
 * confirmation returns.
 */
export interface PortalDepositDoc {
  _id: string;
  state: 'pending' | 'registered' | 'locked' | 'expired';
  input: Omit<PortalDeposit, 'challenge' | 'nonce' | 'website'>;
  files: HeldFile[];
  codeHash: string;
  codeExpiresAt: Date;
  attempts: number;
  sends: number;
  lastSentAt: Date;
  ip: string;
  createdAt: Date;
  registration: { mailId: string; chronoNumber: string; trackingCode: string } | null;
}

const depositSchema = new Schema<PortalDepositDoc>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    input: { type: Schema.Types.Mixed, required: true },
    files: { type: Schema.Types.Mixed, default: [] },
    codeHash: { type: String, required: true },
    codeExpiresAt: { type: Date, required: true },
    attempts: { type: Number, default: 0 },
    sends: { type: Number, default: 1 },
    lastSentAt: { type: Date, required: true },
    ip: { type: String, required: true },
    createdAt: { type: Date, required: true },
    registration: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);

export const PortalDepositModel = model<PortalDepositDoc>('PortalDeposit', depositSchema, 'portalDeposits');
