import { createHash } from 'node:crypto';
import { exchangeManifestSchema, type ExchangeManifest } from '@diwan/contracts';
import { canonicalJson } from '../audit/audit.chain.js';
import type { UploadedFile } from '../attachments/attachment.upload.js';
import { BadInputError, NotAuthenticatedError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import type { ExchangePeer } from './exchange-peer.model.js';
import { verifyBytes } from './exchange.keys.js';

/**
 * The package as it travels (multipart/form-data): the field `manifest` (canonical JSON, keys
 * sorted), the field `signature` (base64 Ed25519 of the manifest's UTF-8 bytes, made with the
 * sender's key) and one `file` part per file the manifest lists, in any order, by filename. The
 * manifest carries each file's sha256 and size, so the one signature binds the files too.
 */

/** How far a package's `signedAt` may be from our clock (a captured package can't be played later). */
export const SIGNATURE_WINDOW_MS = 10 * 60_000;

export interface PackageFile {
  filename: string;
  contentType: string;
  data: Buffer;
  role: 'letter' | 'attachment';
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function manifestFiles(files: PackageFile[]): ExchangeManifest['files'] {
  return files.map((f) => ({ filename: f.filename, contentType: f.contentType, size: f.data.length, sha256: sha256(f.data), role: f.role }));
}

export function manifestBytes(manifest: ExchangeManifest): Buffer {
  return Buffer.from(canonicalJson(manifest), 'utf8');
}

/** What makes two packages "the same": everything but the moment of signing. */
export function contentHashOf(manifest: ExchangeManifest): string {
  const { signedAt: _signedAt, ...content } = manifest;
  return sha256(canonicalJson(content));
}

/** The sender's id, read before anything is trusted (to find the key the signature must match). */
export function claimedSender(manifestText: string): string {
  try {
    const parsed = JSON.parse(manifestText) as { sender?: { id?: unknown } };
    if (typeof parsed?.sender?.id === 'string') return parsed.sender.id;
  } catch {
    /* below */
  }
  throw new BadInputError('The package manifest is not JSON naming its sender (sender.id)');
}

/**
 * Checks a received package against the sender's directory entry: the signature over the exact
 * manifest bytes, then the manifest itself, its recipient, its time, and every file's size and hash.
 * Answers the manifest; throws 401 for a signature that is not the sender's (tampered manifest,
 * replayed signature, stale package), 400 for the rest.
 */
export function verifyPackage(peer: ExchangePeer, ownId: string, manifestText: string, signature: string, files: UploadedFile[], now = Date.now()): ExchangeManifest {
  if (!verifyBytes(Buffer.from(manifestText, 'utf8'), signature, peer.publicKey)) {
    throw new NotAuthenticatedError(`The package's signature is not valid for ${peer._id}'s key: the manifest was changed, or not signed by that administration`);
  }
  const manifest = validate(exchangeManifestSchema, safeJson(manifestText), 'package manifest');
  if (manifest.recipient.id !== ownId) throw new BadInputError(`The package is addressed to ${manifest.recipient.id}, not to this administration (${ownId})`);
  const drift = Math.abs(now - Date.parse(manifest.signedAt));
  if (!(drift <= SIGNATURE_WINDOW_MS)) {
    throw new NotAuthenticatedError(`The package was signed at ${manifest.signedAt}, more than ${SIGNATURE_WINDOW_MS / 60_000} minutes from now: refused as stale or replayed`);
  }
  const names = new Set(manifest.files.map((f) => f.filename));
  if (names.size !== manifest.files.length) throw new BadInputError('The manifest lists a filename twice');
  const extra = files.filter((f) => !names.has(f.filename));
  if (extra.length) throw new BadInputError(`The package carries files its manifest does not list: ${extra.map((f) => f.filename).join(', ')}`);
  for (const listed of manifest.files) {
    const file = files.find((f) => f.filename === listed.filename);
    if (!file) throw new BadInputError(`The file ${listed.filename} is listed in the manifest but missing from the package`);
    if (file.size !== listed.size || file.sha256 !== listed.sha256) {
      throw new BadInputError(`The file ${listed.filename} does not match its hash in the signed manifest: it was changed on the way`);
    }
  }
  return manifest;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadInputError('The package manifest is not JSON');
  }
}
