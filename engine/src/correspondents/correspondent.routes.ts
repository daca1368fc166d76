import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/auth.middleware.js';
import { validate } from '../shared/validate.js';
import { searchCorrespondents } from './correspondent.service.js';

const correspondentQuerySchema = z.object({ q: z.string().trim().min(1).max(200) });

/** GET /api/correspondents?q=: autocomplete for the registration form (those who register mail). */
export function correspondentRoutes(): Router {
  const router = Router();
  router.get('/correspondents', requireRole('registrar', 'admin'), async (req, res) => {
    const { q } = validate(correspondentQuerySchema, req.query, 'correspondent query');
    res.json(await searchCorrespondents(q));
  });
  return router;
}
