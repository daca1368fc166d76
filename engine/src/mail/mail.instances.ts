import type { EventBus } from '../shared/event-bus.js';
import { toMailDto } from './mail.dto.js';
import { MailModel } from './mail.model.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * What operations on circuit instances need of the mails behind them (business key = mail id):
 * which mail an instance concerns, and the circuit version it runs after a migration.
 */

/** Chrono numbers by mail id, for the business keys that are mails (read by _id). Nothing else of the mail: a secret mail shows its number only. */
export async function chronoNumbersOf(businessKeys: (string | null | undefined)[]): Promise<Map<string, string>> {
  const ids = [...new Set(businessKeys.filter((k): k is string => typeof k === 'string' && OBJECT_ID.test(k)))];
  if (!ids.length) return new Map();
  const mails = await MailModel.find({ _id: { $in: ids } }, { chronoNumber: 1 }).lean();
  // A draft has no number to show yet.
  return new Map(mails.filter((m) => m.chronoNumber).map((m) => [String(m._id), m.chronoNumber!]));
}

/**
 * Records that a mail's instance now runs another version of its circuit (a migration), and
 * publishes the mail. Only the mail whose instance this is changes; false when there is none.
 */
export async function recordCircuitVersion(bus: EventBus, mailId: string, processInstanceId: string, circuit: { key: string; version: number }): Promise<boolean> {
  if (!OBJECT_ID.test(mailId)) return false;
  const updated = await MailModel.findOneAndUpdate({ _id: mailId, processInstanceId }, { $set: { circuit } }, { returnDocument: 'after', lean: true });
  if (!updated) return false;
  await bus.emit('mail.updated', toMailDto(updated));
  return true;
}
