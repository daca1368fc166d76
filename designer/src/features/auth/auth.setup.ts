import { configureApiAuth } from '../../shared/api/api.client';
import { sessionStore } from './session.store';

/** Plugs the session into the API client: bearer token out, logout on a 401. */
export function setupAuth(): void {
  configureApiAuth({ getToken: sessionStore.getToken, onUnauthorized: sessionStore.clear });
}
