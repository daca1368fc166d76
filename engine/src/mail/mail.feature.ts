import { CircuitModels } from '../circuits/circuit-model.js';
import type { MailTypeService } from '../mail-types/mail-type.service.js';
import type { RealtimeIo } from '../realtime/realtime.gateway.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { CircuitStarter } from './mail.circuit.js';
import { allowMailFollow } from './mail.follow.js';
import { MailDrafting } from './mail.draft.js';
import { followMilestones } from './mail.milestones.js';
import { OutgoingRegister } from './mail.outgoing-register.js';
import { followReplyMilestones } from './mail.replies.js';
import { MailRegistration } from './mail.registration.js';
import { MailUpdates } from './mail.updates.js';

/** The mail registry's parts, wired once by the server. */
export interface MailFeature {
  registration: MailRegistration;
  updates: MailUpdates;
  circuitStarter: CircuitStarter;
  /** Outgoing letters drafted in Diwan (status draft, no number yet). */
  drafting: MailDrafting;
  /** The outgoing register's step (topic mail.register): the number, then what follows it. */
  outgoingRegister: OutgoingRegister;
  stop(): Promise<void>;
}

export function createMailFeature(runtime: RuntimeClient, io: RealtimeIo | null, bus: EventBus, mailTypes: MailTypeService, logger: Logger): MailFeature {
  if (io) allowMailFollow(io);
  const circuitStarter = new CircuitStarter(runtime, logger, bus, async (mail) => (await mailTypes.defaults())[mail.direction]);
  const updates = new MailUpdates(bus);
  followMilestones(bus, updates);
  followReplyMilestones(bus, updates, new CircuitModels(runtime), logger);
  return {
    registration: new MailRegistration(bus, mailTypes, circuitStarter, logger),
    updates,
    circuitStarter,
    drafting: new MailDrafting(mailTypes, () => circuitStarter.kick()),
    outgoingRegister: new OutgoingRegister(bus),
    stop: () => circuitStarter.stop(),
  };
}
