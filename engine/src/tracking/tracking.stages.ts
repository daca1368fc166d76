import type { MailStatus, TrackingStage, TrackingTimelineItem } from '@diwan/contracts';
import type { AuditEntry } from '../audit/audit.model.js';

/** A mail status in the citizen's words: milestones say where the mail is, never which step. */
const STAGE_OF_STATUS: Partial<Record<MailStatus, TrackingStage>> = {
  registered: 'received',
  triaged: 'assigned',
  in_progress: 'in_progress',
  validated: 'answered',
  answered: 'answered',
  closed: 'closed',
  archived: 'closed',
};

export const stageOfStatus = (status: MailStatus): TrackingStage => STAGE_OF_STATUS[status] ?? 'received';

/**
 * The stages a mail has been through, oldest first, from its audit trail (statuses and the citizen's
 * answers). The stage the mail is at now (`current`) is in it even before its audit entry is: a
 * status is written a moment before its entry, and the citizen must not read "closed" above a
 * timeline that stops at "answered". (Back at a stage it went through, after the citizen's answer,
 * the mail's timeline ends with that answer.)
 */
export function trackingTimeline(
  receivedAt: Date,
  entries: AuditEntry[],
  waitingSince: string | null,
  current: { stage: TrackingStage; since: Date },
): TrackingTimelineItem[] {
  const items: TrackingTimelineItem[] = [{ at: receivedAt.toISOString(), stage: 'received' }];
  for (const entry of entries) {
    const details = entry.details ?? {};
    if (entry.action === 'mail.statusChanged' && typeof details.to === 'string') {
      items.push({ at: entry.at.toISOString(), stage: stageOfStatus(details.to as MailStatus) });
    } else if (entry.action === 'citizen.answered') {
      if (typeof details.requestedAt === 'string') items.push({ at: details.requestedAt, stage: 'information_requested' });
      items.push({ at: entry.at.toISOString(), stage: 'information_given' });
    }
  }
  if (waitingSince) items.push({ at: waitingSince, stage: 'information_requested' });
  items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (!items.some((item) => item.stage === current.stage)) items.push({ at: current.since.toISOString(), stage: current.stage });
  // closed and archived are one stage for the citizen, as are validated and answered
  return items.filter((item, i) => i === 0 || item.stage !== items[i - 1]!.stage);
}
