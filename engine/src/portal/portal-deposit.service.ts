import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { portalConfirmSchema, portalDepositSchema, type PortalConfirmedDto, type PortalDeposit, type PortalDepositCreatedDto } from '@diwan/contracts';
import type { UploadedFile } from '../attachments/attachment.upload.js';
import { BadInputError, ConflictError, NotFoundError, TooManyRequestsError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import { CODE_POLICY } from './portal.config.js';
import type { ProofOfWork } from './portal.challenge.js';
import type { PortalLimits } from './portal.limits.js';
import type { PortalNotifier } from './portal.notifier.js';
import { dropFiles, holdFiles } from './portal-deposit.files.js';
import { PortalDepositModel, type PortalDepositDoc } from './portal-deposit.model.js';
import type { PortalRegistration } from './portal.registration.js';

export interface DepositDeps {
  pow: ProofOfWork;
  limits: PortalLimits;
  notifier: PortalNotifier;
  registration: PortalRegistration;
  /** Keys the codes' HMACs. */
  secret: string;
  /** Refuses (422) a department or mail type the portal does not offer. */
  checkChoices(input: PortalDeposit): Promise<void>;
}

/**
 * Deposits on the public portal: held (files in GridFS) until the citizen confirms the 6-digit code
 * sent by SMS or e-mail (kept as an HMAC, 10 minutes, 5 tries, 3 resends); then registered once.
 */
export class PortalDeposits {
  constructor(private readonly deps: DepositDeps) {}

  async create(rawJson: string | undefined, files: UploadedFile[], ip: string): Promise<PortalDepositCreatedDto> {
    let raw: unknown;
    try {
      raw = JSON.parse(rawJson ?? '');
    } catch {
      throw new BadInputError('The field "deposit" must hold the deposit as JSON', { field: 'deposit' });
    }
    const input = validate(portalDepositSchema, raw, 'deposit');
    await this.deps.pow.spend(input.challenge, input.nonce);
    await this.deps.limits.depositsPerPhone.consume(input.identity.phone);
    await this.deps.checkChoices(input);
    const { challenge: _c, nonce: _n, website: _w, ...kept } = input;
    const id = randomBytes(16).toString('base64url');
    const code = newCode();
    const now = new Date();
    const held = await holdFiles(id, files);
    try {
      await PortalDepositModel.create({
        _id: id,
        state: 'pending',
        input: kept,
        files: held,
        codeHash: this.hash(id, code),
        codeExpiresAt: new Date(now.getTime() + CODE_POLICY.validityMs),
        attempts: 0,
        sends: 1,
        lastSentAt: now,
        ip,
        createdAt: now,
        registration: null,
      } satisfies PortalDepositDoc);
    } catch (err) {
      await dropFiles(held);
      throw err;
    }
    await this.sendCode(id, kept, code, 1);
    return { id, channel: kept.channel, expiresAt: new Date(now.getTime() + CODE_POLICY.validityMs).toISOString() };
  }

  /** Registers the deposit once the code matches; a later confirmation with the code answers the same. */
  async confirm(id: string, raw: unknown): Promise<PortalConfirmedDto> {
    const { code } = validate(portalConfirmSchema, raw, 'confirmation');
    const deposit = await this.find(id);
    if (deposit.state === 'locked') throw new ConflictError('This deposit is locked after too many wrong codes', { reason: 'locked' });
    const counted = await PortalDepositModel.findOneAndUpdate({ _id: id, attempts: { $lt: CODE_POLICY.maxAttempts } }, { $inc: { attempts: 1 } }, { returnDocument: 'after', lean: true });
    if (!counted) {
      await PortalDepositModel.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'locked' } });
      throw new ConflictError('This deposit is locked after too many wrong codes', { reason: 'locked' });
    }
    if (!this.matches(id, code, counted.codeHash)) {
      const left = CODE_POLICY.maxAttempts - counted.attempts;
      if (left <= 0 && counted.state === 'pending') await PortalDepositModel.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'locked' } });
      throw new BadInputError(`Wrong code (${left} tries left)`, { field: 'code', reason: 'wrongCode', triesLeft: left });
    }
    // A right code gives its tries back (a second confirmation is not a guess).
    await PortalDepositModel.updateOne({ _id: id }, { $inc: { attempts: -1 } });
    if (counted.state === 'pending' && counted.codeExpiresAt.getTime() < Date.now()) throw new ConflictError('The code has expired; ask for a new one', { reason: 'expired' });
    return this.deps.registration.register(counted);
  }

  /** A new code (the old one stops working), at most 3 times, 60 s apart. */
  async resend(id: string): Promise<PortalDepositCreatedDto> {
    const deposit = await this.find(id);
    if (deposit.state !== 'pending') throw new ConflictError('This deposit is no longer waiting for its code', { reason: deposit.state });
    const wait = deposit.lastSentAt.getTime() + CODE_POLICY.resendGapMs - Date.now();
    if (wait > 0) throw new TooManyRequestsError(`A new code can be sent in ${Math.ceil(wait / 1000)} s`, Math.ceil(wait / 1000));
    if (deposit.sends > CODE_POLICY.maxResends) throw new TooManyRequestsError('No more codes can be sent for this deposit', 3600);
    const code = newCode();
    const now = new Date();
    const updated = await PortalDepositModel.findOneAndUpdate(
      { _id: id, state: 'pending', sends: deposit.sends },
      { $set: { codeHash: this.hash(id, code), codeExpiresAt: new Date(now.getTime() + CODE_POLICY.validityMs), lastSentAt: now }, $inc: { sends: 1 } },
      { returnDocument: 'after', lean: true },
    );
    if (!updated) throw new TooManyRequestsError('A new code was just sent', 60);
    await this.sendCode(id, updated.input, code, updated.sends);
    return { id, channel: updated.input.channel, expiresAt: updated.codeExpiresAt.toISOString() };
  }

  private async find(id: string): Promise<PortalDepositDoc> {
    const deposit = /^[A-Za-z0-9_-]{22}$/.test(id) ? await PortalDepositModel.findById(id).lean() : null;
    if (!deposit) throw new NotFoundError('No such deposit');
    return deposit;
  }

  private async sendCode(id: string, input: PortalDepositDoc['input'], code: string, n: number): Promise<void> {
    const to = input.channel === 'sms' ? { phone: input.identity.phone } : { email: input.identity.email };
    await this.deps.notifier.request({ channel: input.channel, to, template: 'deposit.confirmationCode', language: input.language, data: { code }, dedupeKey: `portal:${id}:code:${n}:${input.channel}` });
  }

  private hash(id: string, code: string): string {
    return createHmac('sha256', `portal-code:${this.deps.secret}`).update(`${id}:${code}`).digest('hex');
  }

  private matches(id: string, code: string, stored: string): boolean {
    const a = Buffer.from(this.hash(id, code), 'hex');
    const b = Buffer.from(stored, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
