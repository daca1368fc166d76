import { Schema, model } from 'mongoose';
import { DISPATCH_MEANS, DISPATCH_STATES, type DispatchMeans, type DispatchState } from '@diwan/contracts';

/**
 * The dispatch of an outgoing mail by one means, keyed `dispatch:<mailId>:<means>` so that it is read
 * and claimed by `_id` only (no secondary index needed). A worker claims it (`sending`, with a lease)
 * before it sends, and records the outcome after; a mail may have one record per means.
 */
export interface MailDispatch {
  _id: string;
  mailId: string;
  means: DispatchMeans;
  state: DispatchState;
  at: Date;
  /** While `sending`: until when the worker that claimed it holds it. */
  leaseUntil: Date | null;
  attempts: number;
  recipient: string | null;
  reference: string | null;
  by: string;
}

const dispatchSchema = new Schema<MailDispatch>(
  {
    _id: { type: String, required: true },
    mailId: { type: String, required: true },
    means: { type: String, enum: DISPATCH_MEANS, required: true },
    state: { type: String, enum: DISPATCH_STATES, required: true },
    at: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    recipient: { type: String, default: null },
    reference: { type: String, default: null },
    by: { type: String, required: true },
  },
  { versionKey: false },
);

export const MailDispatchModel = model<MailDispatch>('MailDispatch', dispatchSchema, 'mailDispatches');

export const dispatchKey = (mailId: string, means: DispatchMeans) => `dispatch:${mailId}:${means}`;
