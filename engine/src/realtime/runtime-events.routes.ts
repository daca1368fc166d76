import { Router } from 'express';
import { runtimeEventBatchSchema } from '@diwan/contracts';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { validate } from '../shared/validate.js';
import type { RuntimeEventHandler } from './runtime-event.handler.js';

/** The runtime's event bridge posts here, after commit, at least once. */
export function runtimeEventRoutes(bridgeToken: string, handler: RuntimeEventHandler): Router {
  const router = Router();
  router.post('/runtime-events', requireServiceToken(bridgeToken, 'runtime event bridge'), async (req, res) => {
    const batch = validate(runtimeEventBatchSchema, req.body, 'runtime event batch');
    res.json(await handler.handleBatch(batch.events));
  });
  return router;
}
