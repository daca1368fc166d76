import type { LoginResponse } from '@diwan/contracts';
import { readStored, type Session, STORAGE_KEY } from './session.storage';

type Listener = () => void;

/**
 * The signed-in session, kept in localStorage so a reload stays signed in, and shared across
 * tabs through the `storage` event. React reads it with `useSession` (useSyncExternalStore).
 */
class SessionStore {
  private session: Session | null = readStored();
  private readonly listeners = new Set<Listener>();
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      this.session = readStored();
      this.scheduleExpiry();
      this.emit();
    });
    this.scheduleExpiry();
  }

  get = (): Session | null => this.session;

  getToken = (): string | null => this.session?.token ?? null;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(response: LoginResponse): void {
    this.session = { token: response.token, expiresAt: response.expiresAt, user: response.user };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(this.session));
    this.scheduleExpiry();
    this.emit();
  }

  clear = (): void => {
    if (!this.session) return;
    this.session = null;
    localStorage.removeItem(STORAGE_KEY);
    this.scheduleExpiry();
    this.emit();
  };

  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    if (!this.session) return;
    const remaining = Date.parse(this.session.expiresAt) - Date.now();
    // setTimeout overflows past ~24.8 days; a session that long is re-checked on the next load.
    if (remaining < 2 ** 31 - 1) this.expiryTimer = setTimeout(this.clear, Math.max(remaining, 0));
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const sessionStore = new SessionStore();
