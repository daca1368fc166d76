import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseEnvironment } from '@diwan/contracts';
import { z } from 'zod';

const configSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DIWAN_RUNTIME_URL: z.url().default('http://localhost:8080/engine-rest'),
  DIWAN_RUNTIME_USER: z.string({ error: 'DIWAN_RUNTIME_USER is required' }).min(1),
  DIWAN_RUNTIME_PASSWORD: z.string({ error: 'DIWAN_RUNTIME_PASSWORD is required' }).min(1),
  DIWAN_ENGINE_URL: z.url().default('http://localhost:3000'),
  /** Base of the public pages (the receipt's QR code points to its /track/<code>). */
  DIWAN_PUBLIC_URL: z.url().default('http://localhost:3000'),
  DIWAN_TIMEZONE: z.string().min(1).default('Africa/Tunis'),
  DIWAN_WORKER_TOKEN: z.string({ error: 'DIWAN_WORKER_TOKEN is required' }).min(24),
  DIWAN_WORKER_MAX_TASKS: z.coerce.number().int().min(1).max(100).default(10),
  DIWAN_WORKER_LONG_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(20_000),
  /** How long a fetched task stays locked; also how long a task waits after its worker died holding it. */
  DIWAN_WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** The SMTP relay outgoing letters leave by (smtp:// or smtps://, credentials in the URL); `npm start` runs a local one. */
  DIWAN_SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').default('smtp://127.0.0.1:2525'),
  /** The sender of outgoing letters' e-mails, e.g. `Bureau d'ordre <bo@commune.example>`; its domain names the Message-IDs. */
  DIWAN_MAIL_FROM: z.string().trim().min(3).default('Diwan <diwan@localhost>'),
});

export type WorkerConfig = z.infer<typeof configSchema> & { workerId: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return { ...parseEnvironment(configSchema, env), workerId: uniqueWorkerId() };
}

/** Unique per process, so the runtime knows which worker holds which lock. */
export function uniqueWorkerId(): string {
  return `diwan-worker-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
