import { setupAuth } from '../features/auth/auth.setup';
import { createAppRouter } from './app.router';

/**
 * What must start before the rest of the shell is even evaluated: the session plugged into the API
 * client, then the router, whose first navigation requests the page's chunks and runs its loaders
 * (a circuit's XML) at once. main.tsx imports this module first, so React DOM, i18next and the
 * catalogue are evaluated and loaded while those requests are on their way.
 */
setupAuth();
export const router = createAppRouter();
