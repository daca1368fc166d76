import type { NotificationChannel } from '@diwan/contracts';
import type { Logger } from '../shared/logger.js';
import { NotificationModel, NotificationOutboxModel, NotificationProviderRefModel, type Notification, type OutboxEntry } from './notification.model.js';
import { SECRET_VALUES } from './notification.templates.js';
import { PermanentSendError, type Transport } from './notification.transport.js';

const LEASE_MS = 60_000;
/**
 * A request writes its outbox entry a moment before its notification: an entry leased in between
 * waits this long for it (tried again after ORPHAN_RETRY_MS); past it, the request crashed.
 */
const ORPHAN_MS = 2 * 60_000;
const ORPHAN_RETRY_MS = 500;
const MAX_BACKOFF_MS = 15 * 60_000;
/** About a day of tries with the back-off capped at 15 minutes. */
export const MAX_ATTEMPTS = 100;

/**
 * The delivery loop: leases one outbox entry at a time (findOneAndUpdate on the small outbox
 * collection), sends the notification through its channel's transport, records the result, and
 * removes the entry; on failure backs off 2 s, 4 s, 8 s … 15 min, and gives up (failed) after
 * MAX_ATTEMPTS or at once on a permanent refusal. A notification no longer pending is never sent.
 */
export class NotificationDelivery {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private again = false;

  constructor(
    private readonly transports: Record<NotificationChannel, Transport>,
    private readonly logger: Logger,
    private readonly pollMs = 2_000,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await Promise.all(Object.values(this.transports).map((t) => t.close?.().catch(() => undefined)));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'notifications: delivery pass failed'))
        .finally(() => {
          this.running = null;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (let i = 0; i < 100 && !this.stopped; i += 1) {
      const now = new Date();
      const leased = await NotificationOutboxModel.findOneAndUpdate(
        { nextAttemptAt: { $lte: now }, $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] },
        { $set: { lockedUntil: new Date(now.getTime() + LEASE_MS) } },
        { returnDocument: 'after', lean: true },
      );
      if (!leased) return;
      await this.deliver(leased);
    }
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const id = entry._id;
    const n = await NotificationModel.findById(id).lean();
    if (!n && entry.createdAt && Date.now() - new Date(entry.createdAt).getTime() < ORPHAN_MS) {
      // its request is writing the notification right now: not yet (it was deleted, and never sent)
      await NotificationOutboxModel.updateOne({ _id: id }, { $set: { nextAttemptAt: new Date(Date.now() + ORPHAN_RETRY_MS), lockedUntil: null } });
      return;
    }
    if (!n || n.status !== 'pending') {
      await NotificationOutboxModel.deleteOne({ _id: id });
      return;
    }
    const transport = this.transports[n.channel];
    const attempts = (n.attempts ?? 0) + 1;
    try {
      const result = await transport.send(n);
      const now = new Date();
      if (result.providerMessageId) {
        await NotificationProviderRefModel.updateOne({ _id: `${transport.name}:${result.providerMessageId}` }, { $set: { notificationId: id } }, { upsert: true });
      }
      await NotificationModel.updateOne(
        { _id: id, status: 'pending' },
        { $set: { status: result.delivered ? 'delivered' : 'sent', attempts, sentAt: now, ...(result.delivered ? { deliveredAt: now } : {}), providerMessageId: result.providerMessageId, transport: transport.name, lastError: null, ...masked(n) } },
      );
      await NotificationOutboxModel.deleteOne({ _id: id });
      this.logger.info({ notificationId: id, channel: n.channel, transport: transport.name, attempts }, 'notifications: sent');
    } catch (err) {
      const message = (err as Error).message.slice(0, 500);
      const giveUp = err instanceof PermanentSendError || attempts >= MAX_ATTEMPTS;
      const backoff = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.min(attempts - 1, 20));
      await NotificationModel.updateOne({ _id: id, status: 'pending' }, { $set: { status: giveUp ? 'failed' : 'pending', attempts, lastError: message, transport: transport.name } });
      if (giveUp) await NotificationOutboxModel.deleteOne({ _id: id });
      else await NotificationOutboxModel.updateOne({ _id: id }, { $set: { nextAttemptAt: new Date(Date.now() + backoff), lockedUntil: null } });
      this.logger.warn({ notificationId: id, channel: n.channel, attempts, err: message, giveUp }, 'notifications: not sent');
    }
  }
}

/** Once sent, a secret value (a confirmation code) is masked in the stored text and dropped from the data. */
function masked(n: Notification): Partial<Notification> {
  const secrets = (SECRET_VALUES[n.template] ?? []).filter((key) => n.data[key] !== undefined && n.data[key] !== null && String(n.data[key]) !== '');
  if (!secrets.length) return {};
  const hide = (text: string | null) => secrets.reduce((t, key) => t?.split(String(n.data[key])).join('••••••') ?? t, text);
  return { text: hide(n.text)!, subject: hide(n.subject), data: Object.fromEntries(Object.entries(n.data).filter(([key]) => !secrets.includes(key))) };
}
