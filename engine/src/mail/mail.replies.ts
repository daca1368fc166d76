import { MAIL_STATUSES, type MailStatus, type RuntimeEvent } from '@diwan/contracts';
import type { CircuitModels } from '../circuits/circuit-model.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { MailModel } from './mail.model.js';
import type { MailUpdates } from './mail.updates.js';

/** The Camunda property of a milestone node that moves the mails this mail replies to. */
export const REPLY_MILESTONE_PROPERTY = 'diwan.replyMilestone';
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * A reply moves the mail it answers: a milestone node of the reply's circuit that also declares
 * `diwan.replyMilestone` (a mail status, e.g. `answered` when the reply leaves, `closed` when its
 * circuit closes) moves each mail the reply links as `replyTo` to that status (never backwards,
 * audited with the step). The engine knows no step: the circuit says when its mail answers.
 */
export function followReplyMilestones(bus: EventBus, updates: MailUpdates, models: CircuitModels, logger: Logger): void {
  bus.on('milestone.reached', async (event: RuntimeEvent) => {
    const milestone = event.milestone;
    if (!milestone || !event.processDefinitionId || !event.businessKey || !OBJECT_ID.test(event.businessKey)) return;
    const node = (await models.of(event.processDefinitionId)).node(milestone.activityId);
    const status = node?.properties[REPLY_MILESTONE_PROPERTY]?.trim();
    if (!status) return;
    if (!(MAIL_STATUSES as readonly string[]).includes(status) || status === 'void' || status === 'draft') {
      logger.warn({ activityId: milestone.activityId, status }, 'diwan.replyMilestone is not a mail status: ignored');
      return;
    }
    const reply = await MailModel.findById(event.businessKey, { links: 1 }).lean();
    for (const link of reply?.links ?? []) {
      if (link.kind !== 'replyTo') continue;
      try {
        await updates.moveStatus(link.mailId, status as MailStatus, 'system', { activityId: milestone.activityId, activityName: milestone.activityName ?? null });
      } catch (err) {
        if (err instanceof ConflictError || err instanceof NotFoundError) continue; // already further on, or gone
        throw err;
      }
    }
  });
}
