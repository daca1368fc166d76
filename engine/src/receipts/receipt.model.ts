import { Schema, model } from 'mongoose';

/** A receipt (accusé de réception / وصل): proof that a correspondence was received, with date and number. */
export interface Receipt {
  number: string;
  businessKey: string;
  /** Null when the receipt was issued before the circuit started (a portal deposit's, at confirmation). */
  processInstanceId: string | null;
  issuedAt: Date;
}

const receiptSchema = new Schema<Receipt>(
  {
    number: { type: String, required: true, unique: true },
    businessKey: { type: String, required: true, unique: true },
    processInstanceId: { type: String, default: null },
    issuedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const ReceiptModel = model<Receipt>('Receipt', receiptSchema, 'receipts');
