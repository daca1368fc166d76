import { Schema, model } from 'mongoose';

/**
 * A signature Diwan put on a letter: a person's (with their own PKCS#12, or the administration's
 * seal when the step allows it) in a signature step, or the registration stamp (the seal, once per
 * mail: `_id` = `registration:<mailId>`). The PDF itself is the proof; this says who did it in
 * which step, so that the step can require it and the audit can tell it.
 */
export interface LetterSignature {
  _id: string;
  mailId: string;
  kind: 'signature' | 'registration';
  /** The signature step (user task) it was made in; null for the registration stamp. */
  userTaskId: string | null;
  signer: string;
  method: 'p12' | 'seal';
  onBehalfOf: { username: string; displayName: string } | null;
  certificate: string;
  fieldName: string;
  level: 'B-B' | 'B-T';
  at: Date;
}

const signatureSchema = new Schema<LetterSignature>(
  {
    _id: { type: String, required: true },
    mailId: { type: String, required: true, index: true },
    kind: { type: String, enum: ['signature', 'registration'], required: true },
    userTaskId: { type: String, default: null },
    signer: { type: String, required: true },
    method: { type: String, enum: ['p12', 'seal'], required: true },
    onBehalfOf: { type: new Schema({ username: String, displayName: String }, { _id: false }), default: null },
    certificate: { type: String, required: true },
    fieldName: { type: String, required: true },
    level: { type: String, enum: ['B-B', 'B-T'], required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const LetterSignatureModel = model<LetterSignature>('LetterSignature', signatureSchema, 'letterSignatures');

/** The id of a person's signature in a step: one per step and signer, read by _id. */
export const stepSignatureId = (mailId: string, userTaskId: string, signer: string) => `sign:${mailId}:${userTaskId}:${signer}`;
export const registrationStampId = (mailId: string) => `registration:${mailId}`;
