import { Schema, model } from 'mongoose';

/** A runtime event the engine could not apply: kept with its reason for admins, never retried by itself. */
export interface DeadLetter {
  _id: string;
  node: string;
  type: string | null;
  reason: string;
  event: unknown;
  receivedAt: Date;
  /** How many times the bridge delivered it (at least once). */
  deliveries: number;
}

const deadLetterSchema = new Schema<DeadLetter>(
  {
    _id: { type: String, required: true },
    node: { type: String, required: true },
    type: { type: String, default: null },
    reason: { type: String, required: true },
    event: { type: Schema.Types.Mixed, required: true },
    receivedAt: { type: Date, required: true, index: true },
    deliveries: { type: Number, default: 1 },
  },
  { versionKey: false, minimize: false },
);

export const DeadLetterModel = model<DeadLetter>('DeadLetter', deadLetterSchema, 'deadLetters');
