import type { Server } from 'socket.io';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { Logger } from '../shared/logger.js';
import { CircuitStarter } from './mail.circuit.js';
import { MailEvents } from './mail.events.js';
import { reconcileRegisters } from './mail.number.js';
import { MailRegistration } from './mail.registration.js';
import { MailUpdates } from './mail.updates.js';

/** The mail registry's parts, wired once by the server. */
export interface MailFeature {
  events: MailEvents;
  registration: MailRegistration;
  updates: MailUpdates;
  circuitStarter: CircuitStarter;
  stop(): Promise<void>;
}

export function createMailFeature(runtime: RuntimeClient, io: Server | null, logger: Logger): MailFeature {
  const events = new MailEvents(io);
  const circuitStarter = new CircuitStarter(runtime, logger, events);
  const registration = new MailRegistration(events, () => circuitStarter.kick(), logger);
  return {
    events,
    registration,
    updates: new MailUpdates(events),
    circuitStarter,
    stop: () => circuitStarter.stop(),
  };
}

/** At start: void the numbers a crash left without a mail, then start the circuit outbox loop. */
export function startMailBackground(feature: MailFeature, logger: Logger): void {
  reconcileRegisters({ graceMs: 10_000 }).then(
    (voided) => voided.length && logger.warn({ voided }, 'register numbers without a mail recorded as void'),
    (err: unknown) => logger.error({ err }, 'register reconciliation failed'),
  );
  feature.circuitStarter.start();
}
