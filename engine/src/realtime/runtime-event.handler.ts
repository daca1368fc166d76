import { runtimeEventSchema, type RuntimeEvent } from '@diwan/contracts';
import type { EventBus } from '../shared/event-bus.js';
import { isDatabaseAway } from '../shared/database.errors.js';
import { UnavailableError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { BridgeStatus } from './bridge-status.js';
import { deadLetter } from './dead-letter.service.js';
import { markProcessed, processedAmong } from './processed-event.model.js';

export interface BatchResult {
  applied: number;
  duplicates: number;
  deadLettered: number;
}

/** The database or the runtime is away: the batch must be delivered again later, not dead-lettered. */
const isTransient = (err: unknown) => isDatabaseAway(err) || err instanceof UnavailableError;

/**
 * Applies a batch from the runtime's event bridge in order, each event on its own merits: skip
 * what was already applied, hand it to the bus (the inbox projector, the milestone follower, the
 * realtime gateway subscribe), then record its id. An event that is malformed or can't be applied
 * goes to dead letters with its reason, and the rest are applied. Only a transient failure (the
 * database away) fails the batch, so that the bridge delivers it again.
 */
export class RuntimeEventHandler {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly status: BridgeStatus,
  ) {}

  async handleBatch(node: string, pending: number | undefined, raws: unknown[]): Promise<BatchResult> {
    const result: BatchResult = { applied: 0, duplicates: 0, deadLettered: 0 };
    const occurredAt: string[] = [];
    // one read for the batch's ids already applied; ids applied in this batch are added as it goes
    const done = await processedAmong(raws.flatMap((raw) => (typeof (raw as { id?: unknown })?.id === 'string' ? [(raw as { id: string }).id] : [])));
    // The ids are recorded together once the batch is applied (a write per batch, not one per
    // event). A crash before that has the bridge deliver the batch again, and its events are
    // applied again: delivery is at least once, and every subscriber's projection is idempotent.
    const applied: { id: string; type: string }[] = [];
    const refused: { id: string; type: string }[] = [];
    let transient: unknown = null;
    for (const raw of raws) {
      const parsed = runtimeEventSchema.safeParse(raw);
      const problem = parsed.success ? semanticProblem(parsed.data) : parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
      if (problem || !parsed.success) {
        await this.refuse(node, raw, problem ?? 'malformed', result);
        continue;
      }
      const event = parsed.data;
      occurredAt.push(event.occurredAt);
      if (done.has(event.id)) {
        result.duplicates += 1;
        continue;
      }
      done.add(event.id);
      try {
        await this.bus.emit('runtimeEvent.received', event);
        // User-task events become domain events once projected (the inbox projector emits them).
        if (!event.type.startsWith('userTask.')) await this.bus.emit(event.type as Exclude<RuntimeEvent['type'], `userTask.${string}`>, event);
      } catch (err) {
        if (isTransient(err)) {
          transient = err;
          break;
        }
        await this.refuse(node, raw, `could not be applied: ${(err as Error).message}`, result);
        refused.push(event);
        continue;
      }
      applied.push(event);
    }
    // after a transient failure, what was applied is still recorded if the database takes it
    const already = await markProcessed([...applied, ...refused]).catch((err: unknown) => {
      if (transient) return null;
      throw err;
    });
    if (transient) throw transient;
    for (const event of applied) {
      if (already?.has(event.id)) result.duplicates += 1;
      else result.applied += 1;
    }
    this.status.record(node, pending, occurredAt);
    return result;
  }

  private async refuse(node: string, raw: unknown, reason: string, result: BatchResult): Promise<void> {
    this.logger.error({ node, reason, event: raw }, 'runtime event dead-lettered');
    await deadLetter(node, raw, reason);
    result.deadLettered += 1;
  }
}

/** What the schema can't say: a user-task event belongs to an instance and carries its task. */
function semanticProblem(event: RuntimeEvent): string | null {
  if (event.type.startsWith('userTask.') && (!event.userTask || !event.processInstanceId)) return `${event.type} without its user task or instance`;
  if (event.type.startsWith('incident.') && !event.incident) return `${event.type} without its incident`;
  if (event.type === 'milestone.reached' && !event.milestone) return 'milestone.reached without its milestone';
  return null;
}
