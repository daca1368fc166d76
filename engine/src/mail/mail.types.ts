/**
 * Mail types and their legal or usual time to answer, counted in calendar days
 * from reception. A due date given at registration wins over the type.
 */
export const MAIL_TYPES: Record<string, { days: number; label: { ar: string; fr: string; en: string } }> = {
  default: { days: 15, label: { ar: 'مراسلة عادية', fr: 'Courrier ordinaire', en: 'Ordinary mail' } },
  complaint: { days: 30, label: { ar: 'شكاية', fr: 'Réclamation', en: 'Complaint' } },
  // Tunisia, organic law 2016-22 on access to information: 20 days.
  'information-request': { days: 20, label: { ar: 'مطلب نفاذ إلى المعلومة', fr: "Demande d'accès à l'information", en: 'Information request' } },
  'administrative-request': { days: 15, label: { ar: 'طلب إداري', fr: 'Demande administrative', en: 'Administrative request' } },
  invitation: { days: 7, label: { ar: 'دعوة', fr: 'Invitation', en: 'Invitation' } },
};

const DAY_MS = 24 * 3600 * 1000;

/** The end (23:59:59.999 UTC) of a calendar day. */
export function endOfDayUtc(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 23, 59, 59, 999));
}

/** The due moment: the end of the given day, else of receivedAt + the type's days. */
export function dueDateFor(dueDate: string | undefined, mailType: string | undefined, receivedAt: Date): Date {
  if (dueDate) return endOfDayUtc(new Date(`${dueDate}T00:00:00Z`));
  const days = MAIL_TYPES[mailType ?? 'default']?.days ?? MAIL_TYPES.default!.days;
  return endOfDayUtc(new Date(receivedAt.getTime() + days * DAY_MS));
}

/** Two days before the due moment, or halfway from `from` when that is closer. */
export function reminderDateFor(due: Date, from: Date): Date {
  const twoDaysBefore = due.getTime() - 2 * DAY_MS;
  if (twoDaysBefore > from.getTime()) return new Date(twoDaysBefore);
  return new Date(from.getTime() + Math.max(0, due.getTime() - from.getTime()) / 2);
}
