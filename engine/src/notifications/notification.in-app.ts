import type { RealtimeIo } from '../realtime/realtime.gateway.js';
import { rooms } from '@diwan/contracts';
import type { Notification } from './notification.model.js';
import { NotificationInboxModel } from './notification.model.js';
import { INBOX_SIZE, toMyNotificationDto } from './notification.service.js';
import { PermanentSendError, type Transport } from './notification.transport.js';

/** In-app: the notification joins the user's bell (kept to its latest INBOX_SIZE) and is pushed to their sockets. */
export function inAppTransport(io: RealtimeIo | null): Transport {
  return {
    name: 'socket',
    async send(n: Notification) {
      const username = n.to.username;
      if (!username) throw new PermanentSendError('no username');
      // Idempotent: a retried delivery finds the id already in the bell and adds nothing.
      const inbox = await NotificationInboxModel.findById(username).lean();
      if (!inbox?.items.some((i) => i.id === n._id)) {
        const items = [...(inbox?.items ?? []), { id: n._id, at: n.createdAt }].slice(-INBOX_SIZE);
        if (inbox) await NotificationInboxModel.updateOne({ _id: username }, { $set: { items } });
        else await NotificationInboxModel.create({ _id: username, items, readUpTo: null }).catch(async (err: unknown) => {
          if ((err as { code?: number }).code !== 11000) throw err;
          await NotificationInboxModel.updateOne({ _id: username }, { $push: { items: { id: n._id, at: n.createdAt } } });
        });
      }
      io?.to(rooms.user(username)).emit('notification.created', toMyNotificationDto(n, false));
      return { providerMessageId: null, delivered: true };
    },
  };
}
