import { Schema, model } from 'mongoose';

/** Ids of runtime events already applied: the bridge delivers at least once, engine applies once. */
export interface ProcessedEvent {
  _id: string;
  type: string;
  processedAt: Date;
}

const processedEventSchema = new Schema<ProcessedEvent>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    processedAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export const ProcessedEventModel = model<ProcessedEvent>('ProcessedEvent', processedEventSchema, 'processedEvents');

/**
 * Records the events, in one write; answers the ids that were already there (another delivery
 * recorded them meanwhile). Duplicates are recognised by code 11000 only.
 */
export async function markProcessed(events: { id: string; type: string }[]): Promise<Set<string>> {
  const already = new Set<string>();
  if (events.length === 0) return already;
  const processedAt = new Date();
  try {
    await ProcessedEventModel.insertMany(events.map(({ id, type }) => ({ _id: id, type, processedAt })), { ordered: false, lean: true });
  } catch (err) {
    const failures = (err as { writeErrors?: { code?: number; index?: number; err?: { code?: number; index?: number } }[] }).writeErrors;
    if (!failures?.length) throw err;
    for (const failure of failures) {
      const { code, index } = failure.err ?? failure;
      if (code !== 11000 || index === undefined) throw err;
      already.add(events[index]!.id);
    }
  }
  return already;
}

/** Which of these event ids were applied already (read by `_id`). */
export async function processedAmong(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await ProcessedEventModel.find({ _id: { $in: ids } }, { _id: 1 }).lean()).map((e) => e._id));
}
