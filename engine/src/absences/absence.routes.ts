import { Router } from 'express';
import { absenceQuerySchema, declareAbsenceSchema, substituteQuerySchema } from '@diwan/contracts';
import { currentUser } from '../auth/auth.middleware.js';
import { languageOf } from '../shared/language.js';
import { validateIn } from './absence.messages.js';
import type { AbsenceService } from './absence.service.js';

/**
 * `/api/absences`: declare an absence with a substitute, list what the caller may see, end one
 * early (or cancel it before it starts), and the people who may replace someone. Everyone logged
 * in; the service says who may do what (absence.rights.ts), in the caller's language.
 */
export function absenceRoutes(absences: AbsenceService): Router {
  const router = Router();
  router.get('/absences', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await absences.list(currentUser(req), validateIn(absenceQuerySchema, req.query, languageOf(req))));
  });
  router.post('/absences', async (req, res) => {
    const language = languageOf(req);
    res.status(201).json(await absences.declare(currentUser(req), validateIn(declareAbsenceSchema, req.body, language), language));
  });
  router.get('/absences/substitutes', async (req, res) => {
    const language = languageOf(req);
    res.json(await absences.substitutesFor(currentUser(req), validateIn(substituteQuerySchema, req.query, language).for, language));
  });
  router.post('/absences/:id/end', async (req, res) => {
    res.json(await absences.end(currentUser(req), String(req.params.id), languageOf(req)));
  });
  router.delete('/absences/:id', async (req, res) => {
    await absences.end(currentUser(req), String(req.params.id), languageOf(req));
    res.status(204).end();
  });
  return router;
}
