import { setupAuth } from '../features/auth/auth.setup';
import { discardDiagramAheadOnLeave } from '../features/circuits/circuit-ahead';
import { setupI18n } from '../shared/i18n/i18n.setup';
import { createAppRouter } from './app.router';

/**
 * What must start before the rest of the shell is even evaluated: the session plugged into the API
 * client, then the router, whose first navigation requests the page's chunks and runs its loaders
 * (a circuit's XML) at once, and the reader's catalogue. app.start.tsx imports this module first, so React
 * DOM is evaluated while those requests are on their way.
 */
setupAuth();
export const router = createAppRouter();
/** The reader's catalogue, requested with the page's chunks rather than after React DOM is evaluated. */
export const i18nReady = setupI18n();
discardDiagramAheadOnLeave(router);
