import { Schema, model } from 'mongoose';

/** An administration in the directory: only listed peers may send to us, and we send only to them. */
export interface ExchangePeer {
  /** The peer's exchange id (its `GET /api/exchange/identity` id). */
  _id: string;
  name: { ar: string; fr: string };
  url: string;
  /** base64 SPKI DER of its Ed25519 key. */
  publicKey: string;
  createdAt: Date;
  updatedAt: Date;
}

const peerSchema = new Schema<ExchangePeer>(
  {
    _id: String,
    name: { type: new Schema({ ar: String, fr: String }, { _id: false }), required: true },
    url: { type: String, required: true },
    publicKey: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);

export const ExchangePeerModel = model<ExchangePeer>('ExchangePeer', peerSchema, 'exchangePeers');
