import { logout } from './login.api';
import { sessionStore } from '../../shared/session/session.store';

/**
 * Signs out: the engine revokes the token first (so a copy of it is worthless from now on), then
 * the session is forgotten here. Signing out never fails for the user: if the engine can't be
 * reached, the session is forgotten all the same (the token then lives until it expires).
 */
export async function signOut(): Promise<void> {
  try {
    await logout();
  } catch {
    // unreachable engine or already-invalid token: nothing more to revoke from here
  } finally {
    sessionStore.clear();
  }
}
