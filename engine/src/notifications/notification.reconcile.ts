import { NotificationModel, NotificationOutboxModel } from './notification.model.js';

const CHUNK = 200;

/**
 * Puts back in the delivery loop's outbox a pending notification that has no entry there, so that it
 * is sent (once: the loop sends only what is still pending). A request writes the entry before the
 * notification, and the loop drops an entry only once its notification is sent or failed, so none is
 * left so today; a build before the loop waited for a notification being written dropped such entries,
 * and their notifications stayed pending for ever. Full passes only: it reads every pending
 * notification older than `settleMs`.
 */
export async function requeueStrandedNotifications(settleMs: number): Promise<number> {
  const pending = await NotificationModel.find({ status: 'pending', createdAt: { $lte: new Date(Date.now() - settleMs) } }, { _id: 1 }).lean();
  let requeued = 0;
  for (let i = 0; i < pending.length; i += CHUNK) {
    const ids = pending.slice(i, i + CHUNK).map((n) => n._id);
    const queued = new Set((await NotificationOutboxModel.find({ _id: { $in: ids } }, { _id: 1 }).lean()).map((e) => e._id));
    for (const id of ids.filter((id) => !queued.has(id))) {
      const now = new Date();
      const put = await NotificationOutboxModel.updateOne({ _id: id }, { $setOnInsert: { nextAttemptAt: now, lockedUntil: null, createdAt: now } }, { upsert: true });
      requeued += put.upsertedCount;
    }
  }
  return requeued;
}
