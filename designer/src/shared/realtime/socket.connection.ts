import { io, type Socket } from 'socket.io-client';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface SocketConnectionOptions {
  token: string;
  onState: (state: ConnectionState) => void;
  /** The engine refused the token: the session is over. */
  onUnauthorized: () => void;
}

const RETRY_AFTER_REFUSAL_MS = 5_000;

/**
 * Opens the Socket.io connection to the engine (same origin, `/socket.io`) with the bearer
 * token in the handshake. Socket.io reconnects by itself after a network loss; when the engine
 * refuses the handshake (`socket.active` false) it does not, so we retry unless the refusal is
 * about the token. Returns a function that closes the connection.
 */
export function openSocket({ token, onState, onUnauthorized }: SocketConnectionOptions): {
  socket: Socket;
  close: () => void;
} {
  const socket = io({
    auth: { token },
    // WebSocket first (one round trip less, and what the inbox latency is measured on); HTTP
    // long-polling only where a proxy blocks WebSockets.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });
  let retry: ReturnType<typeof setTimeout> | undefined;
  let everConnected = false;

  onState('connecting');
  socket.on('connect', () => {
    everConnected = true;
    onState('connected');
  });
  socket.on('disconnect', (reason) => {
    onState(everConnected ? 'reconnecting' : 'connecting');
    // The engine closed the socket on purpose; socket.io leaves it closed, we come back.
    if (reason === 'io server disconnect') scheduleRetry();
  });
  socket.on('connect_error', (error: Error & { data?: unknown }) => {
    onState(everConnected ? 'reconnecting' : 'connecting');
    if (socket.active) return; // socket.io retries on its own
    if (isUnauthorized(error)) {
      onUnauthorized();
      return;
    }
    scheduleRetry();
  });

  function scheduleRetry(): void {
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
  }

  return {
    socket,
    close: () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

function isUnauthorized(error: Error & { data?: unknown }): boolean {
  const data = error.data as { code?: unknown; error?: { code?: unknown } } | undefined;
  const code = data?.code ?? data?.error?.code;
  return code === 'unauthorized' || /unauthori[sz]ed|jwt|token/i.test(error.message);
}
