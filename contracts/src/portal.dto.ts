import { z } from 'zod';
import { MAIL_LANGUAGES } from './mail.schema.js';

/**
 * The public portal (no login): a citizen or a company deposits a correspondence, confirms it with
 * a code sent by SMS or e-mail, and gets a chrono number, a tracking code and a signed receipt.
 */

/** `GET /api/public/portal/options`: what the deposit form offers (names only). */
export interface PortalOptionsDto {
  departments: { code: string; name: { ar: string; fr: string; en: string } }[];
  mailTypes: { code: string; label: { ar: string; fr: string; en: string } }[];
  limits: { maxFiles: number; maxFileBytes: number; maxTotalBytes: number; extensions: string[] };
}

/** `GET /api/public/deposits/challenge`: a proof of work to solve before depositing. */
export interface PortalChallengeDto {
  /** Opaque, signed by the server; single use. */
  challenge: string;
  /** sha256(challenge + ':' + nonce) must start with this many zero bits. */
  bits: number;
  expiresAt: string;
}

const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\+?[0-9]{8,15}$/, 'must be a phone number'));

/** The JSON of the multipart field `deposit` of `POST /api/public/deposits`. */
export const portalDepositSchema = z.object({
  identity: z.object({
    kind: z.enum(['citizen', 'company']).default('citizen'),
    /** National ID number (citizen) or registration number (company). */
    nationalId: z.string().trim().regex(/^[0-9A-Za-z]{5,20}$/, 'must be an identity number'),
    name: z.string().trim().min(2).max(200),
    phone,
    email: z.email().max(200),
  }),
  subject: z.string().trim().min(3).max(300),
  text: z.string().trim().min(1).max(5000),
  /** A department code (from the options). */
  department: z.string().trim().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a department code'),
  /** An active incoming mail type code (from the options). */
  mailType: z.string().trim().min(1).max(60),
  language: z.enum(MAIL_LANGUAGES),
  /** Where the confirmation code goes. */
  channel: z.enum(['sms', 'email']).default('sms'),
  challenge: z.string().min(10).max(400),
  nonce: z.string().regex(/^[0-9a-z]{1,20}$/, 'must be a nonce'),
  /** The honeypot: hidden from people, filled by robots. Must stay empty. */
  website: z.string().max(0, 'must be empty').optional(),
});
export type PortalDepositInput = z.input<typeof portalDepositSchema>;
export type PortalDeposit = z.output<typeof portalDepositSchema>;

/** `POST /api/public/deposits` answer: never the code. */
export interface PortalDepositCreatedDto {
  id: string;
  channel: 'sms' | 'email';
  /** The code's end of validity. */
  expiresAt: string;
}

export const portalConfirmSchema = z.object({ code: z.string().trim().regex(/^[0-9]{6}$/, 'must be 6 digits') });

/** `POST /api/public/deposits/{id}/confirm` answer (the same on a second confirmation). */
export interface PortalConfirmedDto {
  chronoNumber: string;
  /** Grouped for reading out: XXXX-XXXX-XXXX-XXXX (80 random bits). */
  trackingCode: string;
  /** Where the signed receipt PDF is. */
  receiptUrl: string;
}

/** How a receipt is signed: the administration's seal (PAdES), else the server's Ed25519 key. */
export type ReceiptSignatureMethod = 'seal' | 'ed25519';

/** What the public verify page shows of an issued receipt. */
export interface PortalReceiptFactsDto {
  chronoNumber: string;
  receiptNumber: string;
  trackingCode: string;
  registeredAt: string;
  signedWith: ReceiptSignatureMethod;
  /** The seal's certificate holder, or the Ed25519 key's fingerprint. */
  signer: string;
}

/** `POST /api/public/receipts/verify` answer. */
export interface PortalReceiptVerificationDto {
  authentic: boolean;
  /** Why not (null when authentic). */
  problem: 'not-a-pdf' | 'no-signature' | 'bad-signature' | 'modified' | 'unknown-signer' | 'unknown-receipt' | null;
  facts: PortalReceiptFactsDto | null;
}
