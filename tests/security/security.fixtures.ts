/** Helpers for the security tests: requests from another local address, tokens, users of their own. */
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import bcrypt from 'bcryptjs';
import { DEMO_PASSWORD, stack } from '../harness/stack.js';
import { engineDb } from '../scenarios/mail.fixtures.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * A request to the engine from a loopback address of our choice (127.0.0.0/8 is all loopback on
 * Linux), so that each test has its own client address for the per-address limits.
 */
export function fromAddress(localAddress: string, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const url = new URL(path, stack.engineUrl);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A loopback address no other test uses. */
export function loopbackAddress(): string {
  const n = () => 2 + Math.floor(Math.random() * 250);
  return `127.${n()}.${n()}.${n()}`;
}

/** An HS256 JWT signed with the engine's secret (or another one): for tokens that expire in seconds, or forged ones. */
export function signToken(claims: Record<string, unknown>, secret = process.env.DIWAN_TEST_JWT_SECRET ?? ''): string {
  if (!secret) throw new Error('DIWAN_TEST_JWT_SECRET is not set: run the tests with the harness');
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iat: Math.floor(Date.now() / 1000), ...claims })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** A user of the test's own, written straight into the engine's database (there is no user admin API yet). */
export async function createUser(fields: { roles: string[]; departments: string[] }): Promise<{ username: string; password: string }> {
  const username = `sec-${randomUUID().slice(0, 8)}`;
  const { db, close } = await engineDb();
  try {
    await db.collection('users').insertOne({
      username,
      displayName: `Test ${username}`,
      passwordHash: bcrypt.hashSync(DEMO_PASSWORD, 4),
      language: 'fr',
      active: true,
      ...fields,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  } finally {
    await close();
  }
  return { username, password: DEMO_PASSWORD };
}

export async function updateUser(username: string, set: Record<string, unknown>): Promise<void> {
  const { db, close } = await engineDb();
  try {
    await db.collection('users').updateOne({ username }, { $set: set });
  } finally {
    await close();
  }
}

export const DEMO_ROLES = ['admin', 'registrar', 'cabinet', 'head', 'agent', 'supervisor', 'president'] as const;
export type DemoUser = (typeof DEMO_ROLES)[number];
