import { useContext, useEffect, useRef } from 'react';
import { RealtimeContext, type Realtime } from './realtime.context';

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}

/** Listens to one Socket.io event while mounted; the handler may change between renders. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const { socket } = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
