import { MAIL_STATUSES, type MailStatus, type RuntimeEvent } from '@diwan/contracts';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { EventBus } from '../shared/event-bus.js';
import type { MailUpdates } from './mail.updates.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * Where a mail stands follows its circuit's milestones: a flow node that declares
 * `diwan.milestone` moves the mail to that status when it is reached (never backwards).
 * The engine knows no step of any circuit; the circuit says what its steps mean.
 */
export function followMilestones(bus: EventBus, updates: MailUpdates): void {
  bus.on('milestone.reached', async (event: RuntimeEvent) => {
    const milestone = event.milestone;
    if (!milestone || !event.businessKey || !OBJECT_ID.test(event.businessKey)) return;
    if (!(MAIL_STATUSES as readonly string[]).includes(milestone.status)) return; // the policy refuses these; old deployments may differ
    try {
      await updates.moveStatus(event.businessKey, milestone.status as MailStatus, 'system', { activityId: milestone.activityId, activityName: milestone.activityName ?? null });
    } catch (err) {
      if (err instanceof ConflictError || err instanceof NotFoundError) return;
      throw err;
    }
  });
}
