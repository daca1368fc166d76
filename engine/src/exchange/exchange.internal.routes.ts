import { Router } from 'express';
import { exchangeSendSchema } from '@diwan/contracts';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { validate } from '../shared/validate.js';
import type { ExchangeSender } from './exchange.sender.js';

/**
 * The dispatch worker's route (worker token): send an outgoing mail to an administration of the
 * directory. 200 with the mail's exchange record once the peer took the package (or had it
 * already); 503 while the peer can't be reached (retry: the same package goes again); 422 when
 * the peer refused it, 409 when the mail went to another peer or that package id holds other
 * content there (retrying would not help); 404 for an unknown mail or peer.
 */
export function exchangeInternalRoutes(workerToken: string, sender: ExchangeSender): Router {
  const router = Router();
  router.post('/internal/exchange/send', requireServiceToken(workerToken, 'workers'), async (req, res) => {
    const body = validate(exchangeSendSchema, req.body, 'exchange');
    res.json(await sender.send(body.mailId, body.peer, body.actor ?? 'workers'));
  });
  return router;
}
