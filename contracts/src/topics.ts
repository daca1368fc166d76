/** External-task topics the workers serve. The deployment policy accepts only these. */
export const TOPICS = {
  receiptIssue: 'receipt.issue',
  mailArchive: 'mail.archive',
  deadlineRemind: 'deadline.remind',
  deadlineEscalate: 'deadline.escalate',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
export const KNOWN_TOPICS: readonly string[] = Object.values(TOPICS);
