import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvironment } from '@diwan/contracts';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const secret = (name: string) =>
  z.string({ error: `${name} is required` }).min(24, `${name} must be at least 24 characters`);

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.string({ error: 'MONGODB_URI is required' }).startsWith('mongodb'),
  DIWAN_RUNTIME_URL: z.url().default('http://localhost:8080/engine-rest'),
  DIWAN_RUNTIME_USER: z.string({ error: 'DIWAN_RUNTIME_USER is required' }).min(1),
  DIWAN_RUNTIME_PASSWORD: z.string({ error: 'DIWAN_RUNTIME_PASSWORD is required' }).min(1),
  DIWAN_JWT_SECRET: secret('DIWAN_JWT_SECRET'),
  DIWAN_BRIDGE_TOKEN: secret('DIWAN_BRIDGE_TOKEN'),
  DIWAN_WORKER_TOKEN: secret('DIWAN_WORKER_TOKEN'),
  /** Keys the audit log's anchors (HMAC checkpoints kept outside the database). */
  DIWAN_AUDIT_KEY: secret('DIWAN_AUDIT_KEY'),
  /** Where the anchors are written: a file outside the database (a volume of its own in production). */
  DIWAN_AUDIT_ANCHOR_FILE: z.string().default(path.join(repoRoot, 'data', 'audit-anchors.jsonl')),
  DIWAN_TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  DIWAN_DEMO_PASSWORD: z.string().min(1).default('diwan'),
  DIWAN_PROCESSES_DIR: z.string().default(path.join(repoRoot, 'processes')),
  /** Minutes between the reconciler's passes over what is new and the open tasks (0: only at start and when an admin asks). */
  DIWAN_RECONCILE_EVERY_MINUTES: z.coerce.number().min(0).default(5),
  /**
   * Express `trust proxy`: the addresses of the proxies that may set X-Forwarded-For (e.g. the nginx
   * container), comma-separated; empty (the default) trusts none, so clients can't choose their address.
   */
  DIWAN_TRUST_PROXY: z.string().default(''),
  DIWAN_DESIGNER_DIST: z.string().default(path.join(repoRoot, 'designer', 'dist')),
  /** The administration's name on reports, in each language; the root department's name when unset. */
  DIWAN_ADMINISTRATION_NAME_AR: z.string().trim().max(200).default(''),
  DIWAN_ADMINISTRATION_NAME_FR: z.string().trim().max(200).default(''),
  DIWAN_ADMINISTRATION_NAME_EN: z.string().trim().max(200).default(''),
  /**
   * Exchange between administrations: this instance's Ed25519 private key (base64 PKCS#8 DER, or
   * PEM; `npm start` and the tests make one per data folder), its id (default: `dw-` and the start of
   * the key's fingerprint) and its name (default: the administration's name). No key: no exchange.
   */
  DIWAN_EXCHANGE_KEY: z.string().default(''),
  DIWAN_EXCHANGE_ID: z.string().trim().regex(/^([a-z0-9][a-z0-9-]{1,39})?$/, 'must be a short code (a-z, 0-9, -)').default(''),
  DIWAN_EXCHANGE_NAME_AR: z.string().trim().max(200).default(''),
  DIWAN_EXCHANGE_NAME_FR: z.string().trim().max(200).default(''),
  /** The administration's time zone: what "today" and "this week" mean on the dashboard and in reports. */
  /** Notifications: e-mail through SMTP (DIWAN_SMTP_URL, from DIWAN_MAIL_FROM); SMS through SMPP or an HTTP gateway. */
  DIWAN_SMTP_URL: z.string().default(''),
  DIWAN_MAIL_FROM: z.string().default("Bureau d'ordre <bureau-ordre@diwan.localhost>"),
  DIWAN_SMS_TRANSPORT: z.enum(['smpp', 'http']).default('smpp'),
  /** smpp://system_id:password@host:port; DIWAN_SMPP_SYSTEM_ID / DIWAN_SMPP_PASSWORD override the URL's. */
  DIWAN_SMPP_URL: z.string().regex(/^(s?smpp:\/\/.+)?$/, 'must be smpp://user:password@host:port').default(''),
  DIWAN_SMPP_SYSTEM_ID: z.string().default(''),
  DIWAN_SMPP_PASSWORD: z.string().default(''),
  DIWAN_SMS_SENDER: z.string().trim().max(20).default('DIWAN'),
  DIWAN_SMS_GATEWAY_URL: z.string().default(''),
  DIWAN_SMS_GATEWAY_TOKEN: z.string().default(''),
  /** Where deadline reminders and escalations are also e-mailed (comma-separated; staff accounts carry no e-mail). */
  DIWAN_DEADLINE_EMAIL: z.string().default(''),
  DIWAN_TIME_ZONE: z.string().refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'must be an IANA time zone').default('Africa/Tunis'),
});

export type Config = z.infer<typeof configSchema>;

/** Reads and validates the environment once; a bad environment stops the start with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnvironment(configSchema, env);
}

/** Demo users are seeded everywhere but in production. */
export const seedsDemo = (config: Config) => config.NODE_ENV !== 'production';
