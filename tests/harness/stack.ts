/** Where the stack that the global setup started lives, and helpers to talk to it as a client would. */
import { io, type Socket } from 'socket.io-client';
import { SOCKET_EVENTS, type LoginResponse, type UserTaskSnapshot } from '@diwan/contracts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with npm test (the global setup starts the stack)`);
  return value;
}

export const stack = {
  get engineUrl() {
    return required('DIWAN_TEST_ENGINE_URL');
  },
  get runtimeUrl() {
    return required('DIWAN_TEST_RUNTIME_URL');
  },
  get mongoUri() {
    return required('DIWAN_TEST_MONGODB_URI');
  },
  get bridgeToken() {
    return required('DIWAN_TEST_BRIDGE_TOKEN');
  },
  get workerToken() {
    return required('DIWAN_TEST_WORKER_TOKEN');
  },
  get runtimeAuth() {
    return `Basic ${Buffer.from(`${required('DIWAN_TEST_RUNTIME_USER')}:${required('DIWAN_TEST_RUNTIME_PASSWORD')}`).toString('base64')}`;
  },
};

export const DEMO_PASSWORD = process.env.DIWAN_DEMO_PASSWORD || 'diwan';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** Calls the engine API; returns status and parsed body, never throws on 4xx/5xx. */
export async function api<T = any>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(stack.engineUrl + path, {
    method,
    headers,
    body: options.body === undefined ? null : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined } as ApiResponse<T>;
}

export async function login(username: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
  const res = await api<LoginResponse>('POST', '/api/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The runtime's own REST API, for checks a test makes behind the engine's back (history, incidents). */
export async function runtimeApi<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(stack.runtimeUrl + path, {
    method,
    headers: { authorization: stack.runtimeAuth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`runtime ${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function deployToRuntime(name: string, files: { name: string; content: string }[]): Promise<void> {
  const form = new FormData();
  form.set('deployment-name', name);
  form.set('enable-duplicate-filtering', 'true');
  for (const f of files) form.set(f.name, new Blob([f.content]), f.name);
  const res = await fetch(`${stack.runtimeUrl}/deployment/create`, { method: 'POST', headers: { authorization: stack.runtimeAuth }, body: form });
  if (!res.ok) throw new Error(`deploy ${name}: ${res.status} ${await res.text()}`);
}

export type LiveSocket = Socket & { snapshot: Promise<UserTaskSnapshot> };

/** A connected client; its snapshot is caught from the start, since it comes right on connection. */
export async function connectSocket(token: string): Promise<LiveSocket> {
  const socket = io(stack.engineUrl, { auth: { token }, transports: ['websocket'], reconnection: false, autoConnect: false });
  const snapshot = new Promise<UserTaskSnapshot>((resolve) => socket.once(SOCKET_EVENTS.userTaskSnapshot, resolve));
  socket.connect();
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return Object.assign(socket, { snapshot });
}

/** Resolves with the first payload of `event` that matches. */
export function nextEvent<T>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Polls `probe` until it answers; on time-out, `explain` (when given) says what the test saw instead. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, explain?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${explain ? `: ${await explain().catch((err: Error) => `(no explanation: ${err.message})`)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const uniqueKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
