import { webcrypto, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CryptoKeySigner, P12Signer, parsePem, type Signer } from '@libpdf/core';

/** A key that cannot be used: wrong password, unreadable file, unsupported algorithm. The message never holds the password. */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

/**
 * The signer's own key: a PKCS#12 file and its password, given at signing time. Nothing is kept:
 * the caller drops the bytes and the password after the call, the key lives in this Signer only.
 */
export async function signerKeyFromP12(p12: Uint8Array, password: string): Promise<Signer> {
  try {
    return await P12Signer.create(p12, password);
  } catch (e) {
    throw new SigningKeyError(`the PKCS#12 could not be opened: ${(e as Error).message}`);
  }
}

/**
 * A key and its certificate (chain) in PEM: the private key in PKCS#8 or PKCS#1 (encrypted or not),
 * the certificates in order, the signer's first.
 */
export async function signerKeyFromPem(keyPem: string, certificatesPem: string, password?: string): Promise<Signer> {
  const certificates = parsePem(certificatesPem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
  const [certificate, ...chain] = certificates;
  if (!certificate) throw new SigningKeyError('no certificate in the PEM');
  let key;
  try {
    key = createPrivateKey(password ? { key: keyPem, format: 'pem', passphrase: password } : { key: keyPem, format: 'pem' });
  } catch (e) {
    throw new SigningKeyError(`the private key could not be read: ${(e as Error).message}`);
  }
  if (!new X509Certificate(certificate).checkPrivateKey(key)) throw new SigningKeyError('the private key does not match the certificate');
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType === 'rsa') {
    const cryptoKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    return new CryptoKeySigner(cryptoKey, certificate, 'RSA', 'RSASSA-PKCS1-v1_5', chain);
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const namedCurve = curve === 'prime256v1' ? 'P-256' : curve === 'secp384r1' ? 'P-384' : curve === 'secp521r1' ? 'P-521' : null;
    if (!namedCurve) throw new SigningKeyError(`unsupported curve ${curve}`);
    const cryptoKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve }, false, ['sign']);
    return new CryptoKeySigner(cryptoKey, certificate, 'EC', 'ECDSA', chain);
  }
  throw new SigningKeyError(`unsupported key type ${key.asymmetricKeyType}`);
}

/** Where the administration's seal is, read from the environment when the seal is first used. */
export interface SealEnvironment {
  /** DIWAN_SEAL_P12: path of a PKCS#12 file; or DIWAN_SEAL_KEY + DIWAN_SEAL_CERT: paths of PEM files. */
  DIWAN_SEAL_P12?: string;
  DIWAN_SEAL_KEY?: string;
  DIWAN_SEAL_CERT?: string;
  /** DIWAN_SEAL_PASSWORD: the PKCS#12 password, or the PEM key's passphrase. */
  DIWAN_SEAL_PASSWORD?: string;
}

let seal: Promise<Signer> | null = null;

/**
 * The administration's seal held by the server. Read lazily, once per process: a server without a
 * configured seal starts, and only sealing fails (with SigningKeyError). A failed read is not cached.
 */
export function administrationSeal(env: SealEnvironment = process.env): Promise<Signer> {
  seal ??= loadSeal(env).catch((e: unknown) => {
    seal = null;
    throw e;
  });
  return seal;
}

/** Forgets the seal read (a rotated key file is read again on next use). */
export function forgetAdministrationSeal(): void {
  seal = null;
}

async function loadSeal(env: SealEnvironment): Promise<Signer> {
  const password = env.DIWAN_SEAL_PASSWORD ?? '';
  const read = (path: string) => {
    try {
      return readFileSync(path);
    } catch (e) {
      throw new SigningKeyError(`the seal file cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
  if (env.DIWAN_SEAL_P12) return signerKeyFromP12(read(env.DIWAN_SEAL_P12), password);
  if (env.DIWAN_SEAL_KEY && env.DIWAN_SEAL_CERT) {
    return signerKeyFromPem(read(env.DIWAN_SEAL_KEY).toString('utf8'), read(env.DIWAN_SEAL_CERT).toString('utf8'), password || undefined);
  }
  throw new SigningKeyError('no seal configured (DIWAN_SEAL_P12, or DIWAN_SEAL_KEY and DIWAN_SEAL_CERT)');
}
