import { createContext } from 'react';
import type { Socket } from 'socket.io-client';
import type { ConnectionState } from './socket.connection';

export interface Realtime {
  socket: Socket | null;
  state: ConnectionState;
}

export const RealtimeContext = createContext<Realtime>({ socket: null, state: 'connecting' });
