import { rooms, type SessionUser } from '@diwan/contracts';
import { MailModel } from './mail.model.js';
import type { RealtimeIo } from '../realtime/realtime.gateway.js';
import { maySeeMail } from './mail.visibility.js';

/** A Socket.io client may follow one mail (`mail.follow`, with its id) if it may see it. */
export function allowMailFollow(io: RealtimeIo): void {
  io.on('connection', (socket) => {
    socket.on('mail.follow', async (mailId: unknown, ack) => {
      const user = socket.data.user as SessionUser | undefined;
      const mail = typeof mailId === 'string' && /^[0-9a-f]{24}$/i.test(mailId) ? await MailModel.findById(mailId).lean().catch(() => null) : null;
      const ok = Boolean(user && mail && (await maySeeMail(user, mail)));
      if (ok) await socket.join(rooms.mail(mailId as string));
      if (typeof ack === 'function') ack({ ok });
    });
  });
}
