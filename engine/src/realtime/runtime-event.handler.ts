import type { RuntimeEvent } from '@diwan/contracts';
import type { Logger } from '../shared/logger.js';
import { projectUserTaskEvent } from '../tasks/user-task.projector.js';
import { isProcessed, markProcessed } from './processed-event.model.js';
import type { RealtimeServer } from './socket.server.js';

/**
 * Applies a batch from the runtime's event bridge in order: skip what was
 * already applied, project into the read model, push to Socket.io rooms, then
 * record the id. A crash midway means a redelivery re-applies idempotently.
 */
export class RuntimeEventHandler {
  constructor(
    private readonly realtime: RealtimeServer,
    private readonly logger: Logger,
    /** What else follows the runtime (the mail's status). */
    private readonly followers: ((event: RuntimeEvent) => Promise<void>)[] = [],
  ) {}

  async handleBatch(events: RuntimeEvent[]): Promise<{ applied: number; duplicates: number }> {
    let applied = 0;
    for (const event of events) {
      if (await isProcessed(event.id)) continue;
      await this.apply(event);
      if (await markProcessed(event.id, event.type)) applied += 1;
    }
    return { applied, duplicates: events.length - applied };
  }

  private async apply(event: RuntimeEvent): Promise<void> {
    for (const follow of this.followers) await follow(event);
    if (event.type.startsWith('userTask.')) {
      const task = await projectUserTaskEvent(event);
      if (task) this.realtime.publishUserTask(event.type, task);
      return;
    }
    this.logger.debug({ type: event.type, processInstanceId: event.processInstanceId }, 'runtime event');
    this.realtime.publishToSupervisors(event.type, event, event.processInstanceId);
  }
}
