import { Router } from 'express';
import { circuitDefaultsSchema, mailTypeQuerySchema, mailTypeSchema, mailTypeUpdateSchema } from '@diwan/contracts';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { validate } from '../shared/validate.js';
import type { MailTypeService } from './mail-type.service.js';

/** /api/mail-types (read: everyone logged in; write: admins) and /api/circuit-defaults. */
export function mailTypeRoutes(mailTypes: MailTypeService): Router {
  const router = Router();

  router.get('/mail-types', async (req, res) => {
    const query = validate(mailTypeQuerySchema, req.query, 'mail type query');
    res.json(await mailTypes.list({ direction: query.direction, circuitKey: query.circuitKey, active: query.active === undefined ? undefined : query.active === 'true' }));
  });

  router.get('/mail-types/:code', async (req, res) => {
    res.json(await mailTypes.get(String(req.params.code)));
  });

  router.post('/mail-types', requireRole('admin'), async (req, res) => {
    res.status(201).json(await mailTypes.create(currentUser(req), validate(mailTypeSchema, req.body, 'mail type')));
  });

  router.put('/mail-types/:code', requireRole('admin'), async (req, res) => {
    res.json(await mailTypes.update(currentUser(req), String(req.params.code), validate(mailTypeUpdateSchema, req.body, 'mail type')));
  });

  router.get('/circuit-defaults', async (_req, res) => {
    res.json(await mailTypes.defaults());
  });

  router.put('/circuit-defaults', requireRole('admin'), async (req, res) => {
    res.json(await mailTypes.setDefaults(currentUser(req), validate(circuitDefaultsSchema, req.body, 'circuit defaults')));
  });

  return router;
}
