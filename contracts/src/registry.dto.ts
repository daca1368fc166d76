import type { TrackingStage, TrackingTimelineItem } from './tracking.dto.js';
import type { AuditAction } from './domain-events.js';
/** Read-only shapes around the mail registry: pickers, public tracking, circuit progress, audit. */
export interface DepartmentDto {
  code: string;
  name: { ar: string; fr: string; en: string };
  parentCode: string | null;
}

/** A user as assignment pickers list them (no secrets, no settings). */
export interface UserSummaryDto {
  username: string;
  displayName: string;
  roles: string[];
  departments: string[];
}

/** What anyone holding a tracking code may learn: no subject, no names (the department's name only). */
export interface MailTrackingDto {
  chronoNumber: string;
  status: string;
  receivedAt: string;
  lastUpdate: string;
  receiptNumber: string | null;
  /** Where it stands, in the citizen's words (see tracking.dto.ts). */
  stage: TrackingStage;
  /** Plain-language steps, oldest first: never a step id, a note or a person. */
  timeline: TrackingTimelineItem[];
  /** The department the complaint was forwarded to (its name in ar/fr/en), when the circuit names one. */
  department: { ar: string; fr: string; en: string } | null;
  /** What the administration asks the citizen while a circuit waits for it; null otherwise. */
  informationRequest: { text: string; since: string } | null;
  /** The answer document can be downloaded (`GET /api/public/track/{code}/answer`): the mail is closed and has one. */
  answerAvailable: boolean;
}

/** Where a mail stands in its circuit, for the diagram highlight. */
export interface MailProgressDto {
  processDefinitionId: string | null;
  /** BPMN element ids (a multi-instance body counts as its activity), for the diagram's markers. */
  activeActivityIds: string[];
  completedActivityIds: string[];
  /** The current steps by name, in the caller's language (null: the step has no name). */
  activeSteps: { activityId: string; name: string | null }[];
  incidents: { activityId: string | null; stepName: string | null; message: string | null }[];
}

/** An audit entry that a mail should have and lacks (completeness). */
export interface MissingAuditEntryDto {
  mailId: string;
  chronoNumber: string;
  action: AuditAction;
}

export interface AuditVerifyDto {
  ok: boolean;
  entries: number;
  /** The seq of the first entry whose hash or link does not match, or that differs from its anchor. */
  brokenAt?: number;
  /**
   * chain: an entry's hash or link is wrong; anchor: the chain was recomputed but differs from a
   * keyed anchor kept outside the database; truncated: entries the anchors vouch for are gone;
   * forged-anchor: an anchor's key check fails; incomplete: mails lack their entries.
   */
  reason?: 'chain' | 'anchor' | 'truncated' | 'forged-anchor' | 'incomplete';
  anchors: { count: number; lastSeq: number | null; forged: number };
  /** Up to 100 entries that mails lack. */
  missing: MissingAuditEntryDto[];
}
