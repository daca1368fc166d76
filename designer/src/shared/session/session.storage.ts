import type { SessionUser } from '@diwan/contracts';

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** Where the session is kept (localStorage), so a reload stays signed in. */
export const STORAGE_KEY = 'diwan.session';

/**
 * The stored session, if there is one and it has not expired (an expired one is removed). Its own
 * small module: the entry (main.tsx, through circuit-ahead.ts) reads the token before the app is loaded.
 */
export function readStored(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (!parsed.token || !parsed.user || !parsed.expiresAt) return null;
    if (Date.parse(parsed.expiresAt) <= Date.now()) {
      localStorage.removeItem(STORAGE_KEY);
      return null;
    }
    return parsed as Session;
  } catch {
    return null;
  }
}
