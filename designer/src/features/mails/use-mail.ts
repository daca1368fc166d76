import { SOCKET_EVENTS, type MailDto } from '@diwan/contracts';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { mailPath } from './mails.api';

/**
 * One mail, kept current: on `mail.updated` for it we refetch quietly, since the event's payload
 * carries no timeline.
 */
export function useMail(id: string) {
  const query = useApiQuery<MailDto>(mailPath(id));
  useSocketEvent<MailDto>(SOCKET_EVENTS.mailUpdated, (mail) => {
    if (mail.id === id) query.refresh();
  });
  return query;
}
