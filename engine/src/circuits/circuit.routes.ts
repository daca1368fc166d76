import { Router } from 'express';
import { z } from 'zod';
import type { CircuitDto } from '@diwan/contracts';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { toVariables } from '../runtime/runtime.variables.js';
import { validate } from '../shared/validate.js';
import { record } from '../audit/audit.service.js';
import { checkDeployment } from './circuit-files.js';
import { circuitStats } from './circuit-stats.js';
import { readCircuitUpload } from './circuit-upload.js';

export const startCircuitSchema = z.object({
  businessKey: z.string().trim().min(1).max(200),
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), z.unknown()).default({}),
});

export function circuitRoutes(runtime: RuntimeClient): Router {
  const router = Router();

  router.get('/circuits', async (_req, res) => {
    const definitions = await runtime.latestProcessDefinitions();
    const circuits: CircuitDto[] = definitions.map(({ id, key, name, version, deploymentId, resource }) => ({
      id,
      key,
      name,
      version,
      deploymentId,
      resource,
    }));
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
    res.json(await runtime.processDefinitionXml(req.params.id));
  });

  router.get('/circuits/:id/stats', requireRole('admin', 'supervisor'), async (req, res) => {
    res.json(await circuitStats(runtime, String(req.params.id)));
  });

  router.post('/circuits/:key/instances', requireRole('admin', 'registrar'), async (req, res) => {
    const body = validate(startCircuitSchema, req.body, 'circuit start');
    const user = currentUser(req);
    const instance = await runtime.startProcessInstance(
      String(req.params.key),
      body.businessKey,
      toVariables({ ...body.variables, initiator: user.username }),
    );
    res.status(201).json({ id: instance.id, businessKey: instance.businessKey, definitionId: instance.definitionId });
  });

  return router;
}
