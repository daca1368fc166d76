import { sign, verify } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import type { ReceiptSignatureMethod } from '@diwan/contracts';
import { RECEIPT_SEAL_RECT } from '@diwan/documents';
import { administrationSeal, certificateName, signPdf, SigningKeyError } from '@diwan/documents/signature';
import { receiptKey } from './receipt-key.store.js';

/** Who signs receipts: the administration's seal when one is configured, else the Ed25519 key. */
export interface ReceiptSigner {
  method: ReceiptSignatureMethod;
  /** The seal's holder (certificate common name) or the key's fingerprint. */
  signer: string;
  /** The sentence the receipt prints about its signature, in French and Arabic. */
  mention: { fr: string; ar: string };
  sign(pdf: Buffer): Promise<Buffer>;
}

export interface SignerSettings {
  receiptKey: string;
  administration: { ar: string; fr: string };
}

/** The seal if it can be read; a seal that is configured but broken is an error, not a silent fallback. */
export async function receiptSigner(settings: SignerSettings): Promise<ReceiptSigner> {
  const configured = Boolean(process.env.DIWAN_SEAL_P12 || process.env.DIWAN_SEAL_KEY);
  if (configured) {
    const seal = await administrationSeal();
    const holder = certificateName(seal.certificate);
    return {
      method: 'seal',
      signer: holder,
      mention: { fr: `Scellé électroniquement (PAdES) par : ${holder}`, ar: 'مختوم إلكترونيًا بختم الإدارة' },
      sign: async (pdf) =>
        (
          await signPdf(pdf, {
            key: seal,
            mention: { name: { ar: settings.administration.ar || holder, fr: settings.administration.fr || holder }, title: { ar: 'ختم الإدارة', fr: 'Cachet de l’administration' } },
            placement: { page: 0, rect: RECEIPT_SEAL_RECT },
            reason: 'Accusé de réception · وصل استلام',
          })
        ).bytes,
    };
  }
  const key = await receiptKey(settings.receiptKey);
  return {
    method: 'ed25519',
    signer: key.fingerprint,
    mention: { fr: `Signé (Ed25519) par la clé ${key.fingerprint}`, ar: 'موقّع إلكترونيًا بمفتاح الإدارة Ed25519' },
    sign: async (pdf) => Buffer.concat([pdf, Buffer.from(`\n%DIWAN-ED25519 ${sign(null, pdf, key.privateKey).toString('base64')}\n`, 'latin1')]),
  };
}

const TRAILER = /\n%DIWAN-ED25519 ([A-Za-z0-9+/=]{80,100})\n$/;

/** Splits an Ed25519-signed receipt into its content and signature; null when it has no such trailer. */
export function ed25519Trailer(bytes: Buffer): { content: Buffer; signature: Buffer } | null {
  const tail = bytes.subarray(Math.max(0, bytes.length - 140)).toString('latin1');
  const m = TRAILER.exec(tail);
  if (!m) return null;
  return { content: bytes.subarray(0, bytes.length - Buffer.byteLength(m[0], 'latin1')), signature: Buffer.from(m[1]!, 'base64') };
}

export async function ed25519Valid(bytes: Buffer, configuredKey: string): Promise<boolean> {
  const parts = ed25519Trailer(bytes);
  if (!parts) return false;
  const key = await receiptKey(configuredKey);
  try {
    return verify(null, parts.content, key.publicKey, parts.signature);
  } catch {
    return false;
  }
}

/** Whether a DER certificate is the seal's own (same bytes). False when no seal is configured. */
export async function isSealCertificate(der: Uint8Array | null): Promise<boolean> {
  if (!der) return false;
  try {
    const seal = await administrationSeal();
    return new X509Certificate(Buffer.from(der)).raw.equals(Buffer.from(seal.certificate));
  } catch (e) {
    if (e instanceof SigningKeyError) return false;
    return false;
  }
}
