import type { DispatchClaimAnswer, DispatchMeans, DispatchState, MailDispatchDto, MailDto } from '@diwan/contracts';
import { DISPATCH_MEANS } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { EventBus } from '../shared/event-bus.js';
import { dispatchKey, MailDispatchModel, type MailDispatch } from './mail.dispatch.model.js';
import type { MailUpdates } from './mail.updates.js';

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** How long a worker holds a claimed sending: past it, another try may take it over. */
export const DISPATCH_LEASE_MS = 2 * 60_000;

const toDto = (d: MailDispatch): MailDispatchDto => ({
  mailId: d.mailId,
  means: d.means,
  state: d.state,
  at: d.at.toISOString(),
  recipient: d.recipient,
  reference: d.reference,
  by: d.by,
  attempts: d.attempts,
});

/**
 * The dispatch of outgoing mail (expédition · الإرسال), recorded beside the mail: what the workers
 * claim and record, what the registry clerk confirms, what the mail page shows. Every change of
 * state is audited once as `mail.dispatched` and publishes the mail (`mail.updated`).
 */
export class MailDispatches {
  constructor(
    private readonly bus: EventBus,
    private readonly updates: MailUpdates,
  ) {}

  /** The mail's dispatch (the latest of its means), or null when it has not left yet. */
  async of(mailId: string): Promise<MailDispatchDto | null> {
    const found = await MailDispatchModel.find({ _id: { $in: DISPATCH_MEANS.map((m) => dispatchKey(mailId, m)) } }).lean();
    const latest = found.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    return latest ? toDto(latest) : null;
  }

  /**
   * A worker claims the sending before it sends: `claimed` (send now), `done` (already sent: do
   * nothing), or `busy` (another worker holds a live claim). A claim whose lease ran out (the worker
   * died, maybe after sending) is taken over, and counted in `attempts`.
   */
  async claim(mailId: string, means: DispatchMeans, recipient: string | null): Promise<DispatchClaimAnswer> {
    await this.dispatchable(mailId);
    const _id = dispatchKey(mailId, means);
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + DISPATCH_LEASE_MS);
    try {
      const created = await MailDispatchModel.create({ _id, mailId, means, state: 'sending', at: now, leaseUntil, attempts: 1, recipient, reference: null, by: 'workers' });
      return { outcome: 'claimed', dispatch: toDto(created.toObject()) };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const existing = await MailDispatchModel.findById(_id).lean();
    if (!existing) return this.claim(mailId, means, recipient);
    if (existing.state !== 'sending') return { outcome: 'done', dispatch: toDto(existing) };
    if (existing.leaseUntil && existing.leaseUntil > now) return { outcome: 'busy', dispatch: toDto(existing) };
    const taken = await MailDispatchModel.findOneAndUpdate(
      { _id, state: 'sending', leaseUntil: existing.leaseUntil },
      { $set: { leaseUntil, at: now, recipient }, $inc: { attempts: 1 } },
      { returnDocument: 'after', lean: true },
    );
    return taken ? { outcome: 'claimed', dispatch: toDto(taken) } : this.claim(mailId, means, recipient);
  }

  /** A worker records what it did: `sent` (e-mail, exchange) or `awaiting_post`. Recording twice changes nothing. */
  async record(mailId: string, input: { means: DispatchMeans; state: 'sent' | 'awaiting_post'; recipient: string | null; reference: string | null }, by: string): Promise<MailDispatchDto> {
    await this.dispatchable(mailId);
    const _id = dispatchKey(mailId, input.means);
    const final: DispatchState[] = input.state === 'sent' ? ['sent', 'posted'] : ['awaiting_post', 'posted', 'sent'];
    let changed: MailDispatch | null = null;
    try {
      changed = await MailDispatchModel.findOneAndUpdate(
        { _id, state: { $nin: final } },
        {
          $set: { state: input.state, at: new Date(), leaseUntil: null, recipient: input.recipient, reference: input.reference, by },
          $setOnInsert: { mailId, means: input.means, attempts: 1 },
        },
        { upsert: true, returnDocument: 'after', lean: true },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // already in a final state
    }
    if (!changed) return toDto((await MailDispatchModel.findById(_id).lean())!);
    await this.changed(changed);
    return toDto(changed);
  }

  /** The registry clerk confirms that the mail went to the post (once: a second confirmation changes nothing). */
  async confirmPosted(mailId: string, reference: string | null, by: string): Promise<MailDispatchDto> {
    const _id = dispatchKey(mailId, 'post');
    const changed = await MailDispatchModel.findOneAndUpdate(
      { _id, state: 'awaiting_post' },
      { $set: { state: 'posted', at: new Date(), by, ...(reference ? { reference } : {}) } },
      { returnDocument: 'after', lean: true },
    );
    if (changed) {
      await this.changed(changed);
      return toDto(changed);
    }
    const existing = await MailDispatchModel.findById(_id).lean();
    if (!existing) throw new ConflictError('This mail is not waiting to be posted');
    return toDto(existing);
  }

  /** Only a registered outgoing mail (it has its chrono number) leaves. */
  private async dispatchable(mailId: string): Promise<MailDto> {
    const mail = await this.updates.get(mailId);
    if (mail.direction !== 'outgoing') throw new ConflictError(`Mail ${mail.chronoNumber} is not an outgoing mail`);
    if (!mail.chronoNumber) throw new ConflictError('This mail has no chrono number yet: it is dispatched once registered');
    return mail;
  }

  private async changed(d: MailDispatch): Promise<void> {
    await record({ actor: d.by, action: 'mail.dispatched', mailId: d.mailId, details: { means: d.means, state: d.state, recipient: d.recipient, reference: d.reference, attempts: d.attempts } });
    try {
      await this.bus.emit('mail.updated', await this.updates.get(d.mailId));
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
}
