import { z } from 'zod';
import { MAIL_LANGUAGES } from './mail.schema.js';

/**
 * Exchange between administrations: one Diwan instance sends an outgoing mail to another as a
 * signed package (`POST /api/exchange/packages`), and the receiver's acknowledgment comes back
 * (`POST /api/exchange/acknowledgments`). Instances know each other through a directory of peers
 * that admins manage (`/api/exchange/peers`). Signatures are Ed25519, detached, over the exact
 * bytes of the manifest (or acknowledgment) as sent; the manifest lists each file's sha256 and
 * size, so the signature binds the files too.
 */

/** An instance's id: a short code, the same in every directory that lists it. */
export const exchangeIdSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be a short code (a-z, 0-9, -)');

/** An Ed25519 public key: base64 of its SPKI DER, or its PEM. */
export const exchangePublicKeySchema = z.string().trim().min(40).max(1000);

export interface ExchangeIdentityDto {
  id: string;
  name: { ar: string; fr: string };
  /** base64 of the SPKI DER of the instance's Ed25519 key. */
  publicKey: string;
  algorithm: 'Ed25519';
}

export const exchangePeerInputSchema = z.strictObject({
  id: exchangeIdSchema,
  name: z.strictObject({ ar: z.string().trim().min(2).max(200), fr: z.string().trim().min(2).max(200) }),
  /** The peer's base URL (its engine): packages go to `<url>/api/exchange/packages`. */
  url: z.url({ protocol: /^https?$/ }).max(500),
  publicKey: exchangePublicKeySchema,
});
export type ExchangePeerInput = z.output<typeof exchangePeerInputSchema>;
export const exchangePeerUpdateSchema = exchangePeerInputSchema.omit({ id: true }).partial();
export type ExchangePeerUpdate = z.output<typeof exchangePeerUpdateSchema>;

export interface ExchangePeerDto {
  id: string;
  name: { ar: string; fr: string };
  url: string;
  publicKey: string;
  /** sha256 of the key (hex, first 16 bytes), to compare by phone with the peer's admin. */
  fingerprint: string;
  createdAt: string;
  updatedAt: string;
}

/** What the dispatch worker asks the engine (worker token): send this outgoing mail to this peer. */
export const exchangeSendSchema = z.strictObject({
  mailId: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a mail id'),
  peer: exchangeIdSchema,
  /** Who dispatches (for the audit); `workers` when left out. */
  actor: z.string().trim().min(1).max(100).optional(),
});
export type ExchangeSend = z.output<typeof exchangeSendSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const party = z.strictObject({ id: exchangeIdSchema, name: z.strictObject({ ar: z.string().max(200), fr: z.string().max(200) }) });

/** The signed part of a package. `signedAt` changes on a resend; everything else is the package's content. */
export const exchangeManifestSchema = z.strictObject({
  version: z.literal(1),
  packageId: z.uuid(),
  sender: party,
  recipient: z.strictObject({ id: exchangeIdSchema }),
  createdAt: z.iso.datetime({ offset: true }),
  signedAt: z.iso.datetime({ offset: true }),
  mail: z.strictObject({
    chronoNumber: z.string().min(1).max(40),
    subject: z.string().trim().min(3).max(500),
    summary: z.string().max(5000).nullable(),
    letterDate: z.iso.date().nullable(),
    language: z.enum(MAIL_LANGUAGES),
    letterReference: z.string().max(100).nullable(),
  }),
  files: z
    .array(z.strictObject({ filename: z.string().min(1).max(200), contentType: z.string().max(200), size: z.number().int().min(0), sha256: sha256Hex, role: z.enum(['letter', 'attachment']) }))
    .max(10),
});
export type ExchangeManifest = z.output<typeof exchangeManifestSchema>;

/** What the receiver signs back: the package is registered there under `chronoNumber`. */
export const exchangeAcknowledgmentSchema = z.strictObject({
  version: z.literal(1),
  packageId: z.uuid(),
  sender: z.strictObject({ id: exchangeIdSchema }),
  recipient: z.strictObject({ id: exchangeIdSchema }),
  chronoNumber: z.string().min(1).max(40),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type ExchangeAcknowledgment = z.output<typeof exchangeAcknowledgmentSchema>;

/** A signed document as it travels: the exact JSON text, and the base64 Ed25519 signature of its UTF-8 bytes. */
export const signedAcknowledgmentSchema = z.strictObject({
  acknowledgment: z.string().min(2).max(10_000),
  signature: z.string().regex(/^[A-Za-z0-9+/=_-]{40,200}$/, 'must be a base64 signature'),
});
export type SignedAcknowledgment = z.output<typeof signedAcknowledgmentSchema>;

/** What an outgoing mail keeps of its exchange (shown on its page). */
export interface MailExchangeDto {
  peer: string;
  peerName: { ar: string; fr: string };
  packageId: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  receiverChronoNumber: string | null;
}
