const DAY_MS = 24 * 3600 * 1000;

/** The end (23:59:59.999 UTC) of a calendar day. */
export function endOfDayUtc(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 23, 59, 59, 999));
}

/** The due moment: the end of the given day, else of receivedAt + the mail type's days. */
export function dueDateFor(dueDate: string | undefined, days: number, receivedAt: Date): Date {
  if (dueDate) return endOfDayUtc(new Date(`${dueDate}T00:00:00Z`));
  return endOfDayUtc(new Date(receivedAt.getTime() + days * DAY_MS));
}

/** Two days before the due moment, or halfway from `from` when that is closer. */
export function reminderDateFor(due: Date, from: Date): Date {
  const twoDaysBefore = due.getTime() - 2 * DAY_MS;
  if (twoDaysBefore > from.getTime()) return new Date(twoDaysBefore);
  return new Date(from.getTime() + Math.max(0, due.getTime() - from.getTime()) / 2);
}
