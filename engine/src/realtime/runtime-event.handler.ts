import type { RuntimeEvent } from '@diwan/contracts';
import type { EventBus } from '../shared/event-bus.js';
import { isProcessed, markProcessed } from './processed-event.model.js';

/**
 * Applies a batch from the runtime's event bridge in order: skip what was already applied,
 * hand the event to the bus (the inbox projector, the milestone follower, the realtime gateway
 * subscribe), then record the id. A crash midway means a redelivery re-applies idempotently.
 */
export class RuntimeEventHandler {
  constructor(private readonly bus: EventBus) {}

  async handleBatch(events: RuntimeEvent[]): Promise<{ applied: number; duplicates: number }> {
    let applied = 0;
    for (const event of events) {
      if (await isProcessed(event.id)) continue;
      await this.bus.emit('runtimeEvent.received', event);
      // User-task events become domain events once projected (the inbox projector emits them).
      if (!event.type.startsWith('userTask.')) await this.bus.emit(event.type as Exclude<RuntimeEvent['type'], `userTask.${string}`>, event);
      if (await markProcessed(event.id, event.type)) applied += 1;
    }
    return { applied, duplicates: events.length - applied };
  }
}
