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

/** Records the event; false when it was already there. Duplicates are recognised by code 11000 only. */
export async function markProcessed(id: string, type: string): Promise<boolean> {
  try {
    await ProcessedEventModel.create({ _id: id, type, processedAt: new Date() });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

/** Which of these event ids were applied already (read by `_id`). */
export async function processedAmong(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await ProcessedEventModel.find({ _id: { $in: ids } }, { _id: 1 }).lean()).map((e) => e._id));
}
