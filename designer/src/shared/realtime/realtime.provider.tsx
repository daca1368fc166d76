import { useEffect, useState, type ReactNode } from 'react';
import type { Socket } from 'socket.io-client';
import { RealtimeContext } from './realtime.context';
import { openSocket, type ConnectionState } from './socket.connection';

interface RealtimeProviderProps {
  token: string;
  onUnauthorized: () => void;
  children: ReactNode;
}

/** One Socket.io connection for the signed-in part of the app; a new token opens a new one. */
export function RealtimeProvider({ token, onUnauthorized, children }: RealtimeProviderProps) {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');

  useEffect(() => {
    const connection = openSocket({ token, onState: setState, onUnauthorized });
    setSocket(connection.socket);
    return () => {
      connection.close();
      setSocket(null);
    };
  }, [token, onUnauthorized]);

  return <RealtimeContext value={{ socket, state }}>{children}</RealtimeContext>;
}
