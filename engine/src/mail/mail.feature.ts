import type { MailTypeService } from '../mail-types/mail-type.service.js';
import type { RealtimeIo } from '../realtime/realtime.gateway.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { CircuitStarter } from './mail.circuit.js';
import { allowMailFollow } from './mail.follow.js';
import { followMilestones } from './mail.milestones.js';
import { MailRegistration } from './mail.registration.js';
import { MailUpdates } from './mail.updates.js';

/** The mail registry's parts, wired once by the server. */
export interface MailFeature {
  registration: MailRegistration;
  updates: MailUpdates;
  circuitStarter: CircuitStarter;
  stop(): Promise<void>;
}

export function createMailFeature(runtime: RuntimeClient, io: RealtimeIo | null, bus: EventBus, mailTypes: MailTypeService, logger: Logger): MailFeature {
  if (io) allowMailFollow(io);
  const circuitStarter = new CircuitStarter(runtime, logger, bus, async (mail) => (await mailTypes.defaults())[mail.direction]);
  // The circuit-start outbox hears of each registration at once (and polls for what it missed).
  bus.on('mail.registered', () => circuitStarter.kick(), 0);
  const updates = new MailUpdates(bus);
  followMilestones(bus, updates);
  return {
    registration: new MailRegistration(bus, mailTypes, logger),
    updates,
    circuitStarter,
    stop: () => circuitStarter.stop(),
  };
}
