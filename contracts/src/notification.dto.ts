import { z } from 'zod';

/**
 * Notifications (`/api/notifications`): one outbox in the engine for SMS, e-mail and in-app
 * messages. A notification is stored under its dedupe key (never sent twice), rendered from a
 * template in the recipient's language, then delivered by the engine's loop.
 */
export const NOTIFICATION_CHANNELS = ['sms', 'email', 'inApp'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** pending: waiting (or retrying); sent: handed to the provider; delivered: receipt came back (inApp: pushed); failed: gave up. */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'delivered', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The templates, each in ar, fr and en. */
export const NOTIFICATION_TEMPLATES = [
  'deposit.confirmationCode',
  'deposit.registered',
  'information.requested',
  'answer.available',
  'deadline.reminder',
  'deadline.escalation',
  'task.assigned',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export const NOTIFICATION_LANGUAGES = ['ar', 'fr', 'en'] as const;

const dataValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const notificationRecipientSchema = z.strictObject({
  phone: z.string().trim().regex(/^\+?[0-9 ]{6,20}$/, 'must be a phone number').optional(),
  email: z.email().max(254).optional(),
  username: z.string().trim().toLowerCase().min(1).max(100).optional(),
});
export type NotificationRecipient = z.output<typeof notificationRecipientSchema>;

/** What the engine's `NotificationService.request` and the internal route take. */
export const notificationRequestSchema = z.strictObject({
  channel: z.enum(NOTIFICATION_CHANNELS),
  to: notificationRecipientSchema,
  template: z.enum(NOTIFICATION_TEMPLATES),
  language: z.enum(NOTIFICATION_LANGUAGES).default('fr'),
  /** The template's values (codes, numbers, names, ISO dates). */
  data: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/), dataValue).default({}),
  /** The notification's id: the same key twice is one notification. */
  dedupeKey: z.string().trim().min(1).max(300),
  mailId: z.string().trim().min(1).max(100).optional(),
});
export type NotificationRequestInput = z.input<typeof notificationRequestSchema>;
export type NotificationRequest = z.output<typeof notificationRequestSchema>;

/** From the workers' deadline topics: the engine notifies the step's holders, or the supervisors. */
export const deadlineNotificationSchema = z.strictObject({
  kind: z.enum(['reminder', 'escalation']),
  processInstanceId: z.string().trim().min(1).max(100),
  mailId: z.string().trim().min(1).max(100),
  /** Base of the dedupe keys (one per recipient and channel are derived from it). */
  dedupeKey: z.string().trim().min(1).max(250),
  dueDate: z.string().max(40).nullable().optional(),
});
export type DeadlineNotification = z.output<typeof deadlineNotificationSchema>;

export const notificationQuerySchema = z.strictObject({
  mailId: z.string().trim().min(1).max(100).optional(),
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationQuery = z.output<typeof notificationQuerySchema>;

/** One notification as admins see it (`GET /api/notifications`). */
export interface NotificationDto {
  id: string;
  channel: NotificationChannel;
  to: NotificationRecipient;
  template: NotificationTemplate;
  language: (typeof NOTIFICATION_LANGUAGES)[number];
  mailId: string | null;
  subject: string | null;
  text: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
}

/** One in-app notification in the bell (`GET /api/notifications/mine`): its sentence in each language. */
export interface MyNotificationDto {
  id: string;
  template: NotificationTemplate;
  text: { ar: string; fr: string; en: string };
  mailId: string | null;
  createdAt: string;
  read: boolean;
}

export interface MyNotificationsDto {
  unread: number;
  items: MyNotificationDto[];
}
