import type { Notification } from './notification.model.js';

/** What a transport answers: the provider's message id, and whether it is already delivered (in-app). */
export interface SendResult {
  providerMessageId: string | null;
  delivered?: boolean;
}

/** A refusal that no retry can fix (bad address, refused by the provider): the notification fails at once. */
export class PermanentSendError extends Error {}

/** One way out: e-mail (SMTP), SMS (SMPP or an HTTP gateway), or in-app (the bell). */
export interface Transport {
  readonly name: string;
  send(notification: Notification): Promise<SendResult>;
  close?(): Promise<void>;
}
