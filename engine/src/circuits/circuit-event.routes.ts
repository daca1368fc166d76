import { Router } from 'express';
import { z } from 'zod';
import { record } from '../audit/audit.service.js';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { validate } from '../shared/validate.js';

export const circuitEventSchema = z.object({
  mailId: z.string().trim().min(1).max(200),
  processInstanceId: z.string().min(1).max(200),
  action: z.enum(['deadline.reminded', 'deadline.escalated']),
  details: z.record(z.string(), z.unknown()).default({}),
});

/** Workers report circuit events (deadline reminders, escalations); each becomes an audit entry on the mail. */
export function circuitEventRoutes(workerToken: string): Router {
  const router = Router();
  router.post('/internal/circuit-events', requireServiceToken(workerToken, 'workers'), async (req, res) => {
    const event = validate(circuitEventSchema, req.body, 'circuit event');
    await record({ actor: 'system', action: event.action, mailId: event.mailId, details: { ...event.details, processInstanceId: event.processInstanceId } });
    res.status(204).end();
  });
  return router;
}
