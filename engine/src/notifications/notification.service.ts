import {
  notificationRequestSchema,
  type MyNotificationDto,
  type MyNotificationsDto,
  type NotificationDto,
  type NotificationQuery,
  type NotificationRequestInput,
} from '@diwan/contracts';
import { BadInputError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import { NotificationInboxModel, NotificationModel, NotificationOutboxModel, NotificationProviderRefModel, type Notification } from './notification.model.js';
import { renderAllLanguages, renderNotification } from './notification.render.js';

/** How many in-app notifications a user's bell keeps. */
export const INBOX_SIZE = 50;

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/**
 * The one notification outbox: `request` stores a notification under its dedupe key (the same key
 * twice is one notification, sent once), rendered from its template in the recipient's language,
 * and puts its id on the outbox that the delivery loop works through.
 */
export class NotificationService {
  private kicks: (() => void)[] = [];

  constructor(private readonly timeZone: string) {}

  /** The delivery loop wants to hear of new work at once. */
  onRequested(kick: () => void): void {
    this.kicks.push(kick);
  }

  /**
   * Asks for a notification. Answers the stored one: the new one, or the one already stored under
   * this dedupe key (then nothing changes, and nothing is sent again).
   */
  async request(input: NotificationRequestInput): Promise<NotificationDto> {
    const req = validate(notificationRequestSchema, input, 'notification');
    const existing = await NotificationModel.findById(req.dedupeKey).lean();
    if (existing) return toNotificationDto(existing);
    const address = { sms: req.to.phone, email: req.to.email, inApp: req.to.username }[req.channel];
    if (!address) throw new BadInputError(`A ${req.channel} notification needs the recipient's ${{ sms: 'phone', email: 'email', inApp: 'username' }[req.channel]}`);
    const rendered = renderNotification(req.template, req.language, req.data, this.timeZone, req.channel !== 'sms');
    const now = new Date();
    // The outbox entry first: a crash after it leaves work the loop finds (it skips what is no longer pending).
    await NotificationOutboxModel.updateOne({ _id: req.dedupeKey }, { $setOnInsert: { nextAttemptAt: now, lockedUntil: null, createdAt: now } }, { upsert: true }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
    const doc: Notification = {
      _id: req.dedupeKey,
      channel: req.channel,
      to: { ...(req.to.phone ? { phone: req.to.phone.replace(/\s+/g, '') } : {}), ...(req.to.email ? { email: req.to.email } : {}), ...(req.to.username ? { username: req.to.username } : {}) },
      template: req.template,
      language: req.language,
      data: req.data,
      mailId: req.mailId ?? null,
      subject: req.channel === 'email' ? rendered.subject : null,
      text: rendered.text,
      texts: req.channel === 'inApp' ? renderAllLanguages(req.template, req.data, this.timeZone) : null,
      status: 'pending',
      attempts: 0,
      lastError: null,
      providerMessageId: null,
      transport: null,
      createdAt: now,
      sentAt: null,
      deliveredAt: null,
      receipt: null,
    };
    try {
      await NotificationModel.create(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another request with the same key won the race: that one is the notification.
      return toNotificationDto((await NotificationModel.findById(req.dedupeKey).lean())!);
    }
    for (const kick of this.kicks) kick();
    return toNotificationDto(doc);
  }

  async get(id: string): Promise<NotificationDto | null> {
    const found = await NotificationModel.findById(id).lean();
    return found ? toNotificationDto(found) : null;
  }

  /** The admins' list, newest first, filtered by mail, channel and status. */
  async list(query: NotificationQuery): Promise<{ items: NotificationDto[]; total: number }> {
    const filter: Record<string, unknown> = {};
    if (query.mailId) filter.mailId = query.mailId;
    if (query.channel) filter.channel = query.channel;
    if (query.status) filter.status = query.status;
    const [items, total] = await Promise.all([
      NotificationModel.find(filter)
        .sort({ createdAt: -1, _id: 1 })
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .lean(),
      NotificationModel.countDocuments(filter),
    ]);
    return { items: items.map(toNotificationDto), total };
  }

  /** A user's bell: their latest in-app notifications, newest first, read by _id only. */
  async mine(username: string): Promise<MyNotificationsDto> {
    const inbox = await NotificationInboxModel.findById(username).lean();
    if (!inbox || inbox.items.length === 0) return { unread: 0, items: [] };
    const found = await NotificationModel.find({ _id: { $in: inbox.items.map((i) => i.id) } }).lean();
    const byId = new Map(found.map((n) => [n._id, n]));
    const readUpTo = inbox.readUpTo?.getTime() ?? 0;
    const items = [...inbox.items]
      .reverse()
      .flatMap((item) => {
        const n = byId.get(item.id);
        return n ? [toMyNotificationDto(n, n.createdAt.getTime() <= readUpTo)] : [];
      });
    return { unread: items.filter((i) => !i.read).length, items };
  }

  /** Marks the user's bell read up to now. */
  async markRead(username: string): Promise<MyNotificationsDto> {
    await NotificationInboxModel.updateOne({ _id: username }, { $set: { readUpTo: new Date() } });
    return this.mine(username);
  }

  /**
   * A delivery receipt from the provider (SMPP deliver_sm): `delivered`, or `failed` with the
   * provider's word. Matched by the provider's message id through its own collection (by _id).
   * The receipt can come before the sender has recorded the id: it waits a little for it.
   */
  async recordReceipt(transport: string, providerMessageId: string, delivered: boolean, word: string): Promise<boolean> {
    for (let i = 0; i < 20; i += 1) {
      const ref = await NotificationProviderRefModel.findById(`${transport}:${providerMessageId}`).lean();
      if (ref) {
        const now = new Date();
        await NotificationModel.updateOne(
          { _id: ref.notificationId, status: { $in: ['sent', 'pending'] } },
          delivered ? { $set: { status: 'delivered', deliveredAt: now, receipt: word } } : { $set: { status: 'failed', receipt: word, lastError: `receipt: ${word}` } },
        );
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }
}

export function toNotificationDto(n: Notification): NotificationDto {
  return {
    id: n._id,
    channel: n.channel,
    to: { ...n.to },
    template: n.template,
    language: n.language,
    mailId: n.mailId ?? null,
    subject: n.subject ?? null,
    text: n.text,
    status: n.status,
    attempts: n.attempts ?? 0,
    lastError: n.lastError ?? null,
    providerMessageId: n.providerMessageId ?? null,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
    deliveredAt: n.deliveredAt?.toISOString() ?? null,
  };
}

export function toMyNotificationDto(n: Notification, read: boolean): MyNotificationDto {
  return {
    id: n._id,
    template: n.template,
    text: n.texts ?? { ar: n.text, fr: n.text, en: n.text },
    mailId: n.mailId ?? null,
    createdAt: n.createdAt.toISOString(),
    read,
  };
}
