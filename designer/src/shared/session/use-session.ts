import { useSyncExternalStore } from 'react';
import { sessionStore } from './session.store';
import type { Session } from './session.storage';

/** The current session, or null when signed out; re-renders on login, logout and expiry. */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
