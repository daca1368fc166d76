import { Router } from 'express';
import { runtimeEventBatchSchema } from '@diwan/contracts';
import { requireRole } from '../auth/auth.middleware.js';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { validate } from '../shared/validate.js';
import { listDeadLetters } from './dead-letter.service.js';
import type { RuntimeEventHandler } from './runtime-event.handler.js';

/** The runtime's event bridge posts here, after commit, at least once. */
export function runtimeEventRoutes(bridgeToken: string, handler: RuntimeEventHandler): Router {
  const router = Router();
  router.post('/runtime-events', requireServiceToken(bridgeToken, 'runtime event bridge'), async (req, res) => {
    const batch = validate(runtimeEventBatchSchema, req.body, 'runtime event batch');
    res.json(await handler.handleBatch(batch.node, batch.pending, batch.events));
  });
  return router;
}

/** GET /api/admin/dead-letters: the runtime events the engine could not apply, with their reasons (admins, supervisors). */
export function deadLetterRoutes(): Router {
  const router = Router();
  router.get('/admin/dead-letters', requireRole('admin', 'supervisor'), async (_req, res) => {
    res.json(await listDeadLetters());
  });
  return router;
}
