import { Schema, model } from 'mongoose';
import type { NotificationChannel, NotificationRecipient, NotificationStatus, NotificationTemplate } from '@diwan/contracts';

/** One notification, stored under its dedupe key: a second request with the same key is the same notification. */
export interface Notification {
  _id: string;
  channel: NotificationChannel;
  to: NotificationRecipient;
  template: NotificationTemplate;
  language: 'ar' | 'fr' | 'en';
  data: Record<string, unknown>;
  mailId: string | null;
  /** E-mail subject (null for SMS and in-app). */
  subject: string | null;
  /** The text in the recipient's language (the SMS, the e-mail's plain part, the bell's sentence). */
  text: string;
  /** In-app only: the sentence in each language, for the bell in whatever language the user reads. */
  texts: { ar: string; fr: string; en: string } | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  /** The provider's id for the message (SMTP Message-ID, SMSC message_id, gateway id). */
  providerMessageId: string | null;
  /** The transport that sent it (smtp, smpp, http, socket). */
  transport: string | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  /** What the provider said last (a delivery receipt's stat, a gateway's status). */
  receipt: string | null;
}

const notificationSchema = new Schema<Notification>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    to: { phone: String, email: String, username: String },
    template: { type: String, required: true },
    language: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    mailId: { type: String, default: null },
    subject: { type: String, default: null },
    text: { type: String, required: true },
    texts: { type: Schema.Types.Mixed, default: null },
    status: { type: String, required: true, default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    providerMessageId: { type: String, default: null },
    transport: { type: String, default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    receipt: { type: String, default: null },
  },
  { versionKey: false, minimize: false },
);
// For a real MongoDB (the admin list by mail, or by date); the local wire server scans instead.
notificationSchema.index({ mailId: 1, createdAt: -1 });
notificationSchema.index({ createdAt: -1 });

export const NotificationModel = model<Notification>('Notification', notificationSchema, 'notifications');

/**
 * The delivery loop's work list: only the ids still to send, deleted once sent or failed, so the
 * loop's scan stays as small as the backlog (the local wire server builds no secondary index).
 */
export interface OutboxEntry {
  _id: string;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  /** When the request wrote it, just before its notification (absent on entries written before this field) */
  createdAt?: Date;
}
const outboxSchema = new Schema<OutboxEntry>(
  { _id: { type: String, required: true }, nextAttemptAt: { type: Date, required: true }, lockedUntil: { type: Date, default: null }, createdAt: { type: Date } },
  { versionKey: false },
);
export const NotificationOutboxModel = model<OutboxEntry>('NotificationOutbox', outboxSchema, 'notificationOutbox');

/** A provider's message id → our notification id: delivery receipts are matched by _id, never by a scan. */
export interface ProviderRef {
  /** `<transport>:<provider message id>` */
  _id: string;
  notificationId: string;
}
const providerRefSchema = new Schema<ProviderRef>({ _id: { type: String, required: true }, notificationId: { type: String, required: true } }, { versionKey: false });
export const NotificationProviderRefModel = model<ProviderRef>('NotificationProviderRef', providerRefSchema, 'notificationProviderRefs');

/** A user's bell: their latest in-app notifications (newest last) and when they last read them. */
export interface NotificationInbox {
  _id: string;
  items: { id: string; at: Date }[];
  readUpTo: Date | null;
}
const inboxSchema = new Schema<NotificationInbox>(
  {
    _id: { type: String, required: true },
    items: { type: [{ _id: false, id: String, at: Date }], default: [] },
    readUpTo: { type: Date, default: null },
  },
  { versionKey: false },
);
export const NotificationInboxModel = model<NotificationInbox>('NotificationInbox', inboxSchema, 'notificationInboxes');
