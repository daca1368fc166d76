import { Router } from 'express';
import { exchangePeerInputSchema, exchangePeerUpdateSchema } from '@diwan/contracts';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { BadInputError } from '../shared/errors.js';
import { languageOf, type Language } from '../shared/language.js';
import type { z } from 'zod';
import { exchangeMessage } from './exchange.messages.js';
import type { ExchangePeerService } from './exchange-peer.service.js';

function validateIn<S extends z.ZodType>(schema: S, input: unknown, language: Language): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', message: i.message }));
  throw new BadInputError(exchangeMessage('invalidPeer', language, fields.map((f) => f.field).join(', ')), { fields });
}

/**
 * `/api/exchange/peers`: the directory of administrations we exchange with. Everyone logged in
 * reads it (the dispatch step names the recipient administration); admins change it, audited.
 */
export function exchangePeerRoutes(peers: ExchangePeerService): Router {
  const router = Router();
  const admins = requireRole('admin');
  router.get('/exchange/peers', async (_req, res) => {
    res.json(await peers.list());
  });
  router.post('/exchange/peers', admins, async (req, res) => {
    const language = languageOf(req);
    res.status(201).json(await peers.create(currentUser(req), validateIn(exchangePeerInputSchema, req.body, language), language));
  });
  router.get('/exchange/peers/:id', async (req, res) => {
    res.json(await peers.get(String(req.params.id), languageOf(req)));
  });
  router.put('/exchange/peers/:id', admins, async (req, res) => {
    const language = languageOf(req);
    res.json(await peers.update(currentUser(req), String(req.params.id), validateIn(exchangePeerUpdateSchema, req.body, language), language));
  });
  router.delete('/exchange/peers/:id', admins, async (req, res) => {
    await peers.remove(currentUser(req), String(req.params.id), languageOf(req));
    res.status(204).end();
  });
  return router;
}
