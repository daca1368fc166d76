import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Schema, model } from 'mongoose';

/** The receipts' Ed25519 key when it is not configured: made once, kept in `portalKeys` (every engine node reads the same). */
const keySchema = new Schema({ _id: String, pkcs8: String, createdAt: Date }, { versionKey: false });
const PortalKeyModel = model('PortalKey', keySchema, 'portalKeys');
const KEY_ID = 'receipt-ed25519';

export interface ReceiptKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** sha256 of the SPKI DER, first 16 bytes in hex pairs: printed on the receipt. */
  fingerprint: string;
}

function fromPkcs8(text: string): ReceiptKey {
  const privateKey = text.trimStart().startsWith('-----BEGIN') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`DIWAN_RECEIPT_KEY must be an Ed25519 private key (got ${privateKey.asymmetricKeyType})`);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey, fingerprint: createHash('sha256').update(der).digest('hex').slice(0, 32).match(/../g)!.join(':') };
}

const cached = new Map<string, Promise<ReceiptKey>>();

/** The configured key (DIWAN_RECEIPT_KEY), else the one kept in the database, made on first use. */
export function receiptKey(configured: string): Promise<ReceiptKey> {
  let key = cached.get(configured);
  if (!key) {
    key = load(configured).catch((e: unknown) => {
      cached.delete(configured);
      throw e;
    });
    cached.set(configured, key);
  }
  return key;
}

async function load(configured: string): Promise<ReceiptKey> {
  if (configured) return fromPkcs8(configured);
  const existing = await PortalKeyModel.findById(KEY_ID).lean();
  if (existing?.pkcs8) return fromPkcs8(existing.pkcs8);
  const pkcs8 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  try {
    await PortalKeyModel.create({ _id: KEY_ID, pkcs8, createdAt: new Date() });
    return fromPkcs8(pkcs8);
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const winner = await PortalKeyModel.findById(KEY_ID).lean();
    return fromPkcs8(winner!.pkcs8!);
  }
}
