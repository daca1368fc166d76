import { Router } from 'express';
import { z } from 'zod';
import { cancelInstanceSchema, migrationExecuteSchema, migrationPlanSchema, moveInstanceSchema, reassignTasksSchema, retryIncidentsSchema, type Role } from '@diwan/contracts';
import { currentUser } from '../auth/auth.middleware.js';
import type { CircuitModels } from '../circuits/circuit-model.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { EventBus } from '../shared/event-bus.js';
import { NotAllowedError } from '../shared/errors.js';
import { languageOf } from '../shared/language.js';
import { IncidentService } from './incident.service.js';
import { InstanceService } from './instance.service.js';
import { MigrationService } from './migration.service.js';
import { OperationsLookup } from './operations.lookup.js';
import { say, validateIn } from './operations.messages.js';
import { ReassignmentService } from './reassignment.service.js';

/** Who may operate: admins and supervisors. */
const OPERATORS: Role[] = ['admin', 'supervisor'];

export const incidentQuerySchema = z.strictObject({ circuit: z.string().trim().min(1).max(255).optional() });

/**
 * `/api/operations/...`: incidents and their retry, bulk reassignment, cancelling or moving an
 * instance, migrating instances to another version of their circuit. Admins and supervisors only;
 * every act takes a reason and is audited; refusals are said in the caller's language.
 */
export function operationsRoutes(runtime: RuntimeClient, models: CircuitModels, bus: EventBus): Router {
  const lookup = new OperationsLookup(runtime, models);
  const incidents = new IncidentService(lookup);
  const reassignment = new ReassignmentService(lookup);
  const instances = new InstanceService(lookup);
  const migrations = new MigrationService(lookup, bus);
  const router = Router();
  router.use('/operations', (req, _res, next) => {
    if (!currentUser(req).roles.some((role) => OPERATORS.includes(role))) return next(new NotAllowedError(say(languageOf(req), 'notAllowed')));
    next();
  });

  router.get('/operations/incidents', async (req, res) => {
    const language = languageOf(req);
    const query = validateIn(incidentQuerySchema, req.query, language);
    res.json(await incidents.list(language, query.circuit));
  });

  router.post('/operations/incidents/retry', async (req, res) => {
    const language = languageOf(req);
    res.json(await incidents.retry(currentUser(req), validateIn(retryIncidentsSchema, req.body, language), language));
  });

  router.post('/operations/tasks/reassign', async (req, res) => {
    const language = languageOf(req);
    res.json(await reassignment.reassign(currentUser(req), validateIn(reassignTasksSchema, req.body, language), language));
  });

  router.get('/operations/instances/:id', async (req, res) => {
    res.json(await instances.get(String(req.params.id), languageOf(req)));
  });

  router.post('/operations/instances/:id/cancel', async (req, res) => {
    const language = languageOf(req);
    const { reason } = validateIn(cancelInstanceSchema, req.body, language);
    await instances.cancel(currentUser(req), String(req.params.id), reason, language);
    res.status(204).end();
  });

  router.post('/operations/instances/:id/move', async (req, res) => {
    const language = languageOf(req);
    const { to, reason } = validateIn(moveInstanceSchema, req.body, language, { to: 'step' });
    res.json(await instances.move(currentUser(req), String(req.params.id), to, reason, language));
  });

  router.get('/operations/circuits/:key/versions', async (req, res) => {
    res.json(await migrations.versions(String(req.params.key), languageOf(req)));
  });

  router.post('/operations/migrations/preview', async (req, res) => {
    const language = languageOf(req);
    const { sourceDefinitionId, targetDefinitionId } = validateIn(migrationPlanSchema, req.body, language);
    res.json(await migrations.preview(sourceDefinitionId, targetDefinitionId, language));
  });

  router.post('/operations/migrations', async (req, res) => {
    const language = languageOf(req);
    res.json(await migrations.execute(currentUser(req), validateIn(migrationExecuteSchema, req.body, language), language));
  });

  return router;
}
