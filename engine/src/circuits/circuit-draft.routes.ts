import { Router } from 'express';
import { DECISION_FILE_PATTERN } from '@diwan/contracts';
import { z } from 'zod';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { validate } from '../shared/validate.js';
import type { CircuitDraftService } from './circuit-draft.service.js';
import { languageOf } from '../shared/language.js';
import { localiseViolations } from './policy.messages.js';

const MAX_XML = 5 * 1024 * 1024;
const formSchema = z.object({ formId: z.string().trim().min(1).max(100), schema: z.string().min(2).max(1024 * 1024) });
const decisionSchema = z.object({ file: z.string().regex(DECISION_FILE_PATTERN), xml: z.string().min(20).max(MAX_XML) });

export const createDraftSchema = z.object({
  name: z.string().trim().min(2).max(200),
  xml: z.string().min(20).max(MAX_XML).optional(),
  forms: z.array(formSchema).max(50).optional(),
  decisions: z.array(decisionSchema).max(50).optional(),
});
export const saveDraftSchema = z.object({
  xml: z.string().min(20).max(MAX_XML),
  forms: z.array(formSchema).max(50).default([]),
  /** Absent: the draft's decisions stay as they are. */
  decisions: z.array(decisionSchema).max(50).optional(),
  revision: z.number().int().min(1),
});
export const listDraftsSchema = z.object({ q: z.string().trim().max(200).optional() });
export const versionSchema = z.object({ label: z.string().trim().min(1).max(120) });
export const deployDraftSchema = z.object({ versionNumber: z.number().int().min(1).nullable().default(null) });

/** Circuit drafts, for process owners (admins): list and search, create or import, save, version, validate, deploy, delete. */
export function circuitDraftRoutes(drafts: CircuitDraftService): Router {
  const router = Router();
  router.use('/circuit-drafts', requireRole('admin'));
  router.get('/circuit-drafts', async (req, res) => {
    res.json(await drafts.list(validate(listDraftsSchema, req.query, 'search').q));
  });
  router.post('/circuit-drafts', async (req, res) => {
    res.status(201).json(await drafts.create(validate(createDraftSchema, req.body, 'draft'), currentUser(req)));
  });
  router.post('/circuit-drafts/from-circuit/:processDefinitionId', async (req, res) => {
    res.status(201).json(await drafts.fromDeployed(String(req.params.processDefinitionId), currentUser(req)));
  });
  router.get('/circuit-drafts/:id', async (req, res) => {
    res.json(await drafts.get(String(req.params.id)));
  });
  router.put('/circuit-drafts/:id', async (req, res) => {
    res.json(await drafts.save(String(req.params.id), validate(saveDraftSchema, req.body, 'draft'), currentUser(req)));
  });
  router.delete('/circuit-drafts/:id', async (req, res) => {
    await drafts.remove(String(req.params.id), currentUser(req));
    res.status(204).end();
  });
  router.post('/circuit-drafts/:id/versions', async (req, res) => {
    const { label } = validate(versionSchema, req.body, 'version');
    res.status(201).json(await drafts.addVersion(String(req.params.id), label, currentUser(req)));
  });
  router.get('/circuit-drafts/:id/versions/:number', async (req, res) => {
    res.json(await drafts.version(String(req.params.id), Number(req.params.number)));
  });
  router.post('/circuit-drafts/:id/validate', async (req, res) => {
    res.json({ violations: localiseViolations(await drafts.validate(String(req.params.id)), languageOf(req)) });
  });
  router.post('/circuit-drafts/:id/deploy', async (req, res) => {
    const { versionNumber } = validate(deployDraftSchema, req.body ?? {}, 'deployment');
    res.status(201).json(await drafts.deploy(String(req.params.id), currentUser(req), versionNumber));
  });
  return router;
}
