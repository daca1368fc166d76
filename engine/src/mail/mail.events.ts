import type { Server } from 'socket.io';
import { SOCKET_EVENTS, rooms, type MailDto, type SessionUser } from '@diwan/contracts';
import { MailModel } from './mail.model.js';
import { maySeeMail, roomsOfMail } from './mail.visibility.js';

export type MailEventName = typeof SOCKET_EVENTS.mailRegistered | typeof SOCKET_EVENTS.mailUpdated;

/**
 * Pushes `mail.registered` / `mail.updated` to the rooms that may see the mail
 * (confidential and secret ones only to their named users and their registrar).
 * A client may also follow one mail (`mail.follow`, with its id) if it may see it.
 */
export class MailEvents {
  constructor(private readonly io: Server | null) {
    io?.on('connection', (socket) => {
      socket.on('mail.follow', async (mailId: unknown, ack?: (answer: { ok: boolean }) => void) => {
        const user = socket.data.user as SessionUser | undefined;
        const mail = typeof mailId === 'string' && /^[0-9a-f]{24}$/i.test(mailId) ? await MailModel.findById(mailId).lean().catch(() => null) : null;
        const ok = Boolean(user && mail && (await maySeeMail(user, mail)));
        if (ok) await socket.join(rooms.mail(mailId as string));
        if (typeof ack === 'function') ack({ ok });
      });
    });
  }

  publish(event: MailEventName, mail: MailDto & { registeredBy: string }): void {
    if (!this.io) return;
    const targets = roomsOfMail({ _id: mail.id, confidentiality: mail.confidentiality, namedUsers: mail.namedUsers, registeredBy: mail.registeredBy, departments: mail.departments });
    this.io.to(targets).emit(event, mail);
  }
}
