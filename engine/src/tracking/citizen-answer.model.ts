import { Schema, model } from 'mongoose';

/**
 * One citizen answer to one circuit wait, under `_id` = the runtime's event subscription id: a
 * second answer to the same wait meets the unique _id (11000) and is never correlated twice.
 * `key:<mailId>:<Idempotency-Key>` documents point a client's retry to the answer it made.
 */
export interface CitizenAnswer {
  _id: string;
  mailId: string;
  /** `claimed` while the answer is being stored and correlated (a lease), then `correlated`. */
  state: 'claimed' | 'correlated';
  claimedAt: Date;
  requestedAt: Date | null;
  answeredAt: Date | null;
  files: number;
  idempotencyKey: string | null;
  /** For a key document: the answer it names. */
  answerId?: string;
}

const schema = new Schema<CitizenAnswer>(
  {
    _id: { type: String, required: true },
    mailId: { type: String, required: true },
    state: { type: String, enum: ['claimed', 'correlated'], required: true },
    claimedAt: { type: Date, required: true },
    requestedAt: { type: Date, default: null },
    answeredAt: { type: Date, default: null },
    files: { type: Number, default: 0 },
    idempotencyKey: { type: String, default: null },
    answerId: { type: String },
  },
  { versionKey: false },
);

export const CitizenAnswerModel = model<CitizenAnswer>('CitizenAnswer', schema, 'citizenAnswers');
