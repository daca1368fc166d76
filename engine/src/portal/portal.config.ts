import { z } from 'zod';

/**
 * The portal's settings, from the environment (all optional). Limits are per engine node (in memory):
 * several nodes behind a balancer each count their own.
 */
const schema = z.object({
  /** Base of the public pages (the receipt's QR code points to <url>/portal/verify?code=…). */
  DIWAN_PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** Zero bits the proof of work needs: 16 ≈ 65 000 hashes, a few hundred ms in a browser. */
  DIWAN_PORTAL_POW_BITS: z.coerce.number().int().min(0).max(24).default(16),
  /** Deposits per client address per hour, and per phone number per hour. */
  DIWAN_PORTAL_DEPOSITS_PER_IP: z.coerce.number().int().min(1).default(20),
  DIWAN_PORTAL_DEPOSITS_PER_PHONE: z.coerce.number().int().min(1).default(3),
  /** The receipts' Ed25519 key when no seal is configured (PKCS#8, base64 DER or PEM); else one is made once and kept in the database. */
  DIWAN_RECEIPT_KEY: z.string().default(''),
  DIWAN_TIME_ZONE: z.string().default('Africa/Tunis'),
  /** Keys the challenges' and codes' HMACs (the engine always has it). */
  DIWAN_JWT_SECRET: z.string().default(''),
});

export type PortalConfig = z.infer<typeof schema>;

export function portalConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  return schema.parse(env);
}

/** The portal's upload limits: fewer and smaller files than the counter's. */
export const PORTAL_UPLOAD_LIMITS = { maxFiles: 5, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 };

/** A confirmation code: 6 digits, valid 10 minutes, 5 tries, re-sent at most 3 times, 60 s apart. */
export const CODE_POLICY = { validityMs: 10 * 60_000, maxAttempts: 5, maxResends: 3, resendGapMs: 60_000 };
