import { z } from 'zod';
import { configureApiAuth } from '../../shared/api/api.client';
import { sessionStore } from '../../shared/session/session.store';

/** Plugs the session into the API client: bearer token out, logout on a 401. */
export function setupAuth(): void {
  // The engine's CSP forbids eval: zod must not even try it (its probe would be reported as a violation).
  z.config({ jitless: true });
  configureApiAuth({ getToken: sessionStore.getToken, onUnauthorized: sessionStore.clear });
}
