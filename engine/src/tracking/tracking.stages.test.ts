import { describe, expect, it } from '@jest/globals';
import type { AuditEntry } from '../audit/audit.model.js';
import { trackingTimeline } from './tracking.stages.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 9, minute));
const statusChanged = (seq: number, minute: number, to: string): AuditEntry => ({
  seq,
  at: at(minute),
  actor: 'system',
  action: 'mail.statusChanged',
  mailId: 'm',
  details: { to },
  prevHash: '',
  hash: '',
});

describe("the citizen's timeline", () => {
  const entries = [statusChanged(1, 1, 'triaged'), statusChanged(2, 2, 'in_progress'), statusChanged(3, 3, 'answered')];

  it('ends with the stage the mail is at, even before that status change is in the audit trail', () => {
    // the mail is closed; its audit entry is written a moment after the status
    const timeline = trackingTimeline(at(0), entries, null, { stage: 'closed', since: at(4) });
    expect(timeline.map((t) => t.stage)).toEqual(['received', 'assigned', 'in_progress', 'answered', 'closed']);
    expect(timeline.at(-1)!.at).toBe(at(4).toISOString());
  });

  it('ends with the citizen\'s answer when the mail is back at a stage it went through', () => {
    const answered: AuditEntry = { ...statusChanged(4, 5, 'in_progress'), action: 'citizen.answered', details: { requestedAt: at(4).toISOString() } };
    const timeline = trackingTimeline(at(0), [...entries.slice(0, 2), answered], null, { stage: 'in_progress', since: at(5) });
    expect(timeline.map((t) => t.stage)).toEqual(['received', 'assigned', 'in_progress', 'information_requested', 'information_given']);
  });

  it('shows each stage once when the audit trail has it', () => {
    const timeline = trackingTimeline(at(0), [...entries, statusChanged(4, 4, 'closed'), statusChanged(5, 5, 'archived')], null, { stage: 'closed', since: at(5) });
    expect(timeline.map((t) => t.stage)).toEqual(['received', 'assigned', 'in_progress', 'answered', 'closed']);
    expect(timeline.at(-1)!.at).toBe(at(4).toISOString());
  });
});
