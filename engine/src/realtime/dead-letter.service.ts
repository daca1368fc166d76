import { createHash } from 'node:crypto';
import { DeadLetterModel } from './dead-letter.model.js';

export interface DeadLetterDto {
  id: string;
  node: string;
  type: string | null;
  reason: string;
  event: unknown;
  receivedAt: string;
  deliveries: number;
}

/** The id of a raw event: its own when it has one, else a digest of its content (a redelivery is the same letter). */
export function deadLetterId(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id.length > 0 && id.length <= 200) return id;
  return `sha256:${createHash('sha256').update(JSON.stringify(raw) ?? 'undefined').digest('hex')}`;
}

/** Keeps a bad event with its reason; a redelivery counts once more instead of adding a letter. */
export async function deadLetter(node: string, raw: unknown, reason: string): Promise<void> {
  const type = typeof (raw as { type?: unknown } | null)?.type === 'string' ? String((raw as { type: string }).type).slice(0, 100) : null;
  await DeadLetterModel.updateOne(
    { _id: deadLetterId(raw) },
    { $setOnInsert: { node, type, reason: reason.slice(0, 2000), event: raw ?? null, receivedAt: new Date() }, $inc: { deliveries: 1 } },
    { upsert: true },
  );
}

export async function listDeadLetters(limit = 200): Promise<DeadLetterDto[]> {
  const letters = await DeadLetterModel.find({}).sort({ receivedAt: -1 }).limit(limit).lean();
  return letters.map((l) => ({ id: l._id, node: l.node, type: l.type ?? null, reason: l.reason, event: l.event, receivedAt: l.receivedAt.toISOString(), deliveries: l.deliveries }));
}

export function countDeadLetters(): Promise<number> {
  return DeadLetterModel.countDocuments({});
}
