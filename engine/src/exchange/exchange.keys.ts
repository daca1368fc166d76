import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys and detached signatures for the exchange (node:crypto, no hand-written crypto).
 * Keys travel as one line of base64: the private key as PKCS#8 DER (DIWAN_EXCHANGE_KEY), the public
 * key as SPKI DER; PEM is accepted for both.
 */

const isPem = (text: string) => text.trimStart().startsWith('-----BEGIN');

export function privateKeyFrom(text: string): KeyObject {
  const key = isPem(text) ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`DIWAN_EXCHANGE_KEY must be an Ed25519 private key (got ${key.asymmetricKeyType})`);
  return key;
}

/** A peer's public key; throws when it is not an Ed25519 public key. */
export function publicKeyFrom(text: string): KeyObject {
  const key = isPem(text) ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key (${key.asymmetricKeyType})`);
  return key;
}

/** The public key as it is published and stored: base64 of its SPKI DER. */
export function publicKeyText(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** The first 16 bytes of sha256 of the SPKI DER, as hex pairs: to compare keys by phone. */
export function fingerprintOf(publicKey: string): string {
  const der = publicKeyFrom(publicKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32).match(/../g)!.join(':');
}

export function signBytes(bytes: Buffer, privateKey: KeyObject): string {
  return sign(null, bytes, privateKey).toString('base64');
}

/** Never throws: a malformed signature or key is simply not valid. */
export function verifyBytes(bytes: Buffer, signature: string, publicKey: string): boolean {
  try {
    return verify(null, bytes, publicKeyFrom(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
