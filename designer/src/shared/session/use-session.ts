import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from './session.store';

/** The current session, or null when signed out; re-renders on login, logout and expiry. */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
