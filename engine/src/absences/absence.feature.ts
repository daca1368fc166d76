import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { AbsenceDelegation } from './absence.delegation.js';
import { AbsenceService } from './absence.service.js';

/** Absences and delegation, wired once by the server: the service behind the routes, and the loop that moves the tasks. */
export class AbsenceFeature {
  readonly delegation: AbsenceDelegation;
  readonly service: AbsenceService;

  constructor(runtime: RuntimeClient, bus: EventBus, logger: Logger, timeZone: string, pollMs = 30_000) {
    this.delegation = new AbsenceDelegation(runtime, logger, pollMs);
    this.delegation.listen(bus);
    this.service = new AbsenceService(timeZone, () => this.delegation.kick());
  }

  start(): void {
    this.delegation.start();
  }

  stop(): Promise<void> {
    return this.delegation.stop();
  }
}
