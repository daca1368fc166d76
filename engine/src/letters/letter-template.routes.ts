import { Router } from 'express';
import { z } from 'zod';
import { letterTemplateCodeSchema, letterTemplateSchema, letterTemplateUpdateSchema } from '@diwan/contracts';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { languageOf } from '../shared/language.js';
import type { LetterTemplateService } from './letter-template.service.js';
import { validateIn } from './letter.messages.js';

export const letterTemplateQuerySchema = z.strictObject({ language: z.enum(['ar', 'fr']).optional() });

/** `/api/letter-templates`: any member of staff lists and reads them; admins create, change and delete them. */
export function letterTemplateRoutes(templates: LetterTemplateService): Router {
  const router = Router();
  router.get('/letter-templates', async (req, res) => {
    res.json(await templates.list(validateIn(letterTemplateQuerySchema, req.query, languageOf(req)).language));
  });
  router.post('/letter-templates', requireRole('admin'), async (req, res) => {
    const language = languageOf(req);
    res.status(201).json(await templates.create(validateIn(letterTemplateSchema, req.body, language), currentUser(req).username, language));
  });
  router.get('/letter-templates/:code', async (req, res) => {
    const language = languageOf(req);
    res.json(await templates.get(validateIn(letterTemplateCodeSchema, req.params.code, language), language));
  });
  router.put('/letter-templates/:code', requireRole('admin'), async (req, res) => {
    const language = languageOf(req);
    const code = validateIn(letterTemplateCodeSchema, req.params.code, language);
    res.json(await templates.update(code, validateIn(letterTemplateUpdateSchema, req.body, language), currentUser(req).username, language));
  });
  router.delete('/letter-templates/:code', requireRole('admin'), async (req, res) => {
    const language = languageOf(req);
    await templates.remove(validateIn(letterTemplateCodeSchema, req.params.code, language), currentUser(req).username, language);
    res.status(204).end();
  });
  return router;
}
