/**
 * What the portal asks of the notifications module (engine/src/notifications, NotificationService):
 * one request per message, stored under its dedupe key, so a repeated request sends nothing twice.
 * The portal never sends anything itself.
 */
export interface PortalNotificationRequest {
  channel: 'sms' | 'email';
  to: { phone?: string; email?: string };
  template: 'deposit.confirmationCode' | 'deposit.registered';
  language: 'ar' | 'fr' | 'en';
  data: Record<string, string>;
  dedupeKey: string;
  mailId?: string;
}

export interface PortalNotifier {
  request(notification: PortalNotificationRequest): Promise<unknown>;
}
