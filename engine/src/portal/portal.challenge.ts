import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Schema, model } from 'mongoose';
import type { PortalChallengeDto } from '@diwan/contracts';
import { BadInputError } from '../shared/errors.js';

const VALIDITY_MS = 10 * 60_000;

/** A challenge used once: its id, until it expires (removed in code; no TTL index on the local server). */
const usedSchema = new Schema({ _id: String, expiresAt: Date }, { versionKey: false });
const UsedChallengeModel = model('PortalUsedChallenge', usedSchema, 'portalUsedChallenges');

/**
 * A hashcash-like proof of work without state until it is used: the challenge is
 * `<random id>.<expiry ms>.<bits>.<hmac>`; the browser finds a nonce such that
 * sha256(challenge + ':' + nonce) starts with `bits` zero bits. Spending it records its id, so
 * it works once.
 */
export class ProofOfWork {
  constructor(
    private readonly secret: string,
    private readonly bits: number,
  ) {}

  issue(now = Date.now()): PortalChallengeDto {
    const body = `${randomBytes(12).toString('base64url')}.${now + VALIDITY_MS}.${this.bits}`;
    return { challenge: `${body}.${this.mac(body)}`, bits: this.bits, expiresAt: new Date(now + VALIDITY_MS).toISOString() };
  }

  /** Throws 400 unless the challenge is ours, fresh, unused and solved by the nonce; then marks it used. */
  async spend(challenge: string, nonce: string, now = Date.now()): Promise<void> {
    const parts = challenge.split('.');
    if (parts.length !== 4) throw new BadInputError('Invalid proof of work', { field: 'challenge' });
    const [id, expiry, bits, mac] = parts as [string, string, string, string];
    const expected = Buffer.from(this.mac(`${id}.${expiry}.${bits}`));
    if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) throw new BadInputError('Invalid proof of work', { field: 'challenge' });
    if (Number(expiry) < now) throw new BadInputError('The proof of work has expired', { field: 'challenge' });
    if (!solves(challenge, nonce, Number(bits))) throw new BadInputError('Invalid proof of work', { field: 'nonce' });
    try {
      await UsedChallengeModel.create({ _id: id, expiresAt: new Date(Number(expiry)) });
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new BadInputError('This proof of work was already used', { field: 'challenge' });
      throw err;
    }
    if (Math.random() < 0.01) void UsedChallengeModel.deleteMany({ expiresAt: { $lt: new Date(now) } }).catch(() => undefined);
  }

  private mac(body: string): string {
    return createHmac('sha256', `portal-pow:${this.secret}`).update(body).digest('base64url');
  }
}

/** Whether sha256(challenge:nonce) starts with `bits` zero bits. */
export function solves(challenge: string, nonce: string, bits: number): boolean {
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  let left = bits;
  for (const byte of digest) {
    if (left <= 0) return true;
    if (left >= 8) {
      if (byte !== 0) return false;
      left -= 8;
    } else return byte >> (8 - left) === 0;
  }
  return left <= 0;
}

/** Finds a nonce (tests and tools; the browser has its own with SubtleCrypto). */
export function solve(challenge: string, bits: number): string {
  for (let n = 0; ; n += 1) if (solves(challenge, n.toString(36), bits)) return n.toString(36);
}
