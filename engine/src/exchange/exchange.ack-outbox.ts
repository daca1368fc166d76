import type { Logger } from '../shared/logger.js';
import { ReceivedPackageModel, type ReceivedPackage } from './exchange-package.model.js';
import type { ExchangePeerService } from './exchange-peer.service.js';
import { postToPeer } from './exchange.peer-http.js';

const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** About a day of tries with the back-off capped at 10 minutes. */
const MAX_ATTEMPTS = 150;

/**
 * Delivers our signed acknowledgments to the senders' `POST /api/exchange/acknowledgments`,
 * asynchronously: the acknowledgment waits on the received package (`delivery`, in the database,
 * so a restart resumes it), a loop leases what is due, posts it, and backs off 1 s, 2 s, 4 s … 10 min
 * on failure; `failed` after MAX_ATTEMPTS, or at once when the sender refuses it (4xx).
 */
export class AckOutbox {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private again = false;

  constructor(
    private readonly peers: ExchangePeerService,
    private readonly logger: Logger,
    private readonly pollMs = 2_000,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Something is due now (a package was just registered). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'exchange: acknowledgment outbox pass failed'))
        .finally(() => {
          this.running = null;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  /** Delivers what is due, one at a time (acknowledgments are few and small). */
  private async drain(): Promise<void> {
    for (let i = 0; i < 50 && !this.stopped; i += 1) {
      const now = new Date();
      const leased = await ReceivedPackageModel.findOneAndUpdate(
        { 'delivery.state': 'pending', 'delivery.nextAttemptAt': { $lte: now }, $or: [{ 'delivery.lockedUntil': null }, { 'delivery.lockedUntil': { $lte: now } }] },
        { $set: { 'delivery.lockedUntil': new Date(now.getTime() + LEASE_MS) } },
        { sort: { 'delivery.nextAttemptAt': 1 }, returnDocument: 'after', lean: true },
      );
      if (!leased) return;
      await this.deliver(leased);
    }
  }

  private async deliver(pkg: ReceivedPackage): Promise<void> {
    const attempts = (pkg.delivery?.attempts ?? 0) + 1;
    try {
      const peer = await this.peers.find(pkg.sender);
      if (!peer) throw Object.assign(new Error(`${pkg.sender} is no longer in the directory`), { status: 404 });
      await postToPeer(peer, '/api/exchange/acknowledgments', JSON.stringify({ acknowledgment: pkg.acknowledgment!.text, signature: pkg.acknowledgment!.signature }));
      await ReceivedPackageModel.updateOne({ _id: pkg._id }, { $set: { 'delivery.state': 'delivered', 'delivery.attempts': attempts, 'delivery.deliveredAt': new Date(), 'delivery.lockedUntil': null, 'delivery.lastError': null } });
      this.logger.info({ packageId: pkg._id, peer: pkg.sender, attempts }, 'exchange: acknowledgment delivered');
    } catch (err) {
      const message = (err as Error).message.slice(0, 500);
      const status = (err as { status?: number }).status ?? 503;
      const giveUp = attempts >= MAX_ATTEMPTS || (status >= 400 && status < 500 && status !== 409);
      const backoff = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(attempts - 1, 20));
      await ReceivedPackageModel.updateOne(
        { _id: pkg._id },
        { $set: { 'delivery.state': giveUp ? 'failed' : 'pending', 'delivery.attempts': attempts, 'delivery.nextAttemptAt': new Date(Date.now() + backoff), 'delivery.lockedUntil': null, 'delivery.lastError': message } },
      );
      this.logger.warn({ packageId: pkg._id, peer: pkg.sender, attempts, err: message, giveUp }, 'exchange: acknowledgment not delivered');
    }
  }
}
