import { Schema, model } from 'mongoose';

/** A token given back at logout: refused until it would have expired anyway (then deleted). */
export interface RevokedToken {
  jti: string;
  username: string;
  expiresAt: Date;
}

const revokedTokenSchema = new Schema<RevokedToken>(
  {
    jti: { type: String, required: true, unique: true },
    username: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { timestamps: true },
);

export const RevokedTokenModel = model<RevokedToken>('RevokedToken', revokedTokenSchema, 'revokedTokens');
