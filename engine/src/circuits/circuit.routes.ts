import { Router } from 'express';
import { z } from 'zod';
import { circuitStatsQuerySchema, type CircuitDto, type SessionUser } from '@diwan/contracts';
import { NotFoundError } from '../shared/errors.js';
import { languageOf, pick } from '../shared/language.js';
import type { CircuitModels } from './circuit-model.js';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { validate } from '../shared/validate.js';
import { record } from '../audit/audit.service.js';
import { checkDeployment } from './circuit-files.js';
import { CircuitXmlCache } from './circuit-xml.cache.js';
import { CircuitStats } from './circuit-stats.js';
import { readCircuitUpload } from './circuit-upload.js';

/** A circuit starts for a mail (its id is the business key) with the mail's facts only. */
export const startCircuitSchema = z.strictObject({ businessKey: z.string().trim().min(1).max(200) });

/** Starts a circuit for a mail the caller may see (mail module). */
export type StartCircuitForMail = (user: SessionUser, mailId: string, circuitKey: string) => Promise<{ id: string; definitionId: string; businessKey: string }>;

/** What a Camunda process definition id looks like (`key:version:uuid`, or a bare id for long keys). */
const PROCESS_DEFINITION_ID = /^[A-Za-z0-9_][\w.:-]{0,254}$/;

/** Only circuits deployed through Diwan (hence through its policy) may be started. */
const DIWAN_SOURCE = 'diwan-engine';

export function circuitRoutes(runtime: RuntimeClient, models: CircuitModels, startForMail: StartCircuitForMail): Router {
  const router = Router();
  const circuitXml = new CircuitXmlCache(runtime);
  const stats = new CircuitStats(runtime);

  /** The deployed circuits, named in the caller's language (the process's `name.<lang>` properties, else its name). */
  router.get('/circuits', async (req, res) => {
    const language = languageOf(req);
    const definitions = await runtime.latestProcessDefinitions();
    const circuits: CircuitDto[] = await Promise.all(
      definitions.map(async ({ id, key, name, version, deploymentId, resource }) => {
        const names = await models.of(id).then((model) => model.node(key)?.names ?? null, () => null);
        return { id, key, name: names ? pick(names, language) : name, version, deploymentId, resource };
      }),
    );
    res.json(circuits);
  });

  /** Deploys .bpmn and .form files; every BPMN passes the deployment policy first (422 names element and rule). */
  router.post('/circuits', requireRole('admin'), async (req, res) => {
    const files = await readCircuitUpload(req);
    checkDeployment(files);
    const user = currentUser(req);
    const deployment = await runtime.deploy(`upload:${files.map((f) => f.name).join(',')}`.slice(0, 200), files);
    const circuits = Object.values(deployment.deployedProcessDefinitions ?? {}).map(({ id, key, version }) => ({ id, key, version }));
    await record({ actor: user.username, action: 'circuit.deployed', mailId: null, details: { deploymentId: deployment.id, files: files.map((f) => f.name), circuits } });
    res.status(201).json({ deploymentId: deployment.id, circuits });
  });

  router.get('/circuits/:id/xml', async (req, res) => {
    const xml = await circuitXml.of(req.params.id);
    // A deployed circuit never changes (its id names its deployment): the reader's browser keeps it
    // for good, so a diagram opened again is drawn without asking (private: never a shared cache).
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.json(xml);
  });

  /** Live tokens and history per step (the heatmap); `?period=30d|7d` counts the instances started since then. */
  router.get('/circuits/:id/stats', requireRole('admin', 'supervisor'), async (req, res) => {
    const { period } = validate(circuitStatsQuerySchema, req.query, 'circuit statistics query');
    const id = String(req.params.id);
    // an unknown circuit is a 404, not empty figures (its XML is cached: deployed circuits never change)
    const known = PROCESS_DEFINITION_ID.test(id) && (await circuitXml.of(id).then(() => true, (err: unknown) => (err instanceof NotFoundError ? false : Promise.reject(err))));
    if (!known) throw new NotFoundError('No such circuit');
    res.json(await stats.of(id, period));
  });

  router.post('/circuits/:key/instances', requireRole('admin', 'registrar'), async (req, res) => {
    const body = validate(startCircuitSchema, req.body, 'circuit start');
    const key = String(req.params.key);
    const definition = await runtime.latestProcessDefinition(key).catch(() => null);
    const deployment = definition ? await runtime.deployment(definition.deploymentId).catch(() => null) : null;
    if (!definition || deployment?.source !== DIWAN_SOURCE) throw new NotFoundError(`No circuit ${key} deployed through Diwan`);
    res.status(201).json(await startForMail(currentUser(req), body.businessKey, key));
  });

  return router;
}
