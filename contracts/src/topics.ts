/** External-task topics the workers serve. The deployment policy accepts only these. */
export const TOPICS = {
  receiptIssue: 'receipt.issue',
  mailArchive: 'mail.archive',
  deadlineRemind: 'deadline.remind',
  deadlineEscalate: 'deadline.escalate',
  /** The outgoing register's step: the engine gives a drafted letter its chrono number and stamps it. */
  mailRegister: 'mail.register',
  mailDispatch: 'mail.dispatch',
  /** An SMS or an e-mail from a template, handed to the engine's notification outbox. */
  notifySms: 'notify.sms',
  notifyEmail: 'notify.email',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
export const KNOWN_TOPICS: readonly string[] = Object.values(TOPICS);
