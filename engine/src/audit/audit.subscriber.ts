import type { EventBus } from '../shared/event-bus.js';
import { record } from './audit.service.js';

/** Audit listens first: a domain event is in the log before anyone else hears of it. */
const AUDIT_FIRST = 10_000;

/** The domain events the audit log records by subscription. */
export function auditDomainEvents(bus: EventBus): void {
  bus.on(
    'mail.registered',
    async (mail) => {
      await record({ actor: mail.registeredBy, action: 'mail.registered', mailId: mail.id, details: { chronoNumber: mail.chronoNumber, direction: mail.direction, attachments: mail.attachments.length } });
      for (const a of mail.attachments) {
        await record({ actor: mail.registeredBy, action: 'attachment.added', mailId: mail.id, details: { attachmentId: a.id, filename: a.filename, sha256: a.sha256, role: a.role } });
      }
    },
    AUDIT_FIRST,
  );
  bus.on(
    'mail.statusChanged',
    ({ mailId, actor, from, to, activityId, activityName }) => record({ actor, action: 'mail.statusChanged', mailId, details: { from, to, activityId, activityName } }).then(() => undefined),
    AUDIT_FIRST,
  );
}
