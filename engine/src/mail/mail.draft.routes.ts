import { Router } from 'express';
import { z } from 'zod';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { validate } from '../shared/validate.js';
import type { MailDrafting } from './mail.draft.js';
import type { OutgoingRegister } from './mail.outgoing-register.js';

/** `POST /mails/drafts`: the staff of a department draft an outgoing letter (status draft, no number). */
export function mailDraftRoutes(drafting: MailDrafting): Router {
  const router = Router();
  router.post('/mails/drafts', requireRole('agent', 'head', 'cabinet', 'registrar'), async (req, res) => {
    res.status(201).json(await drafting.draft(currentUser(req), req.body));
  });
  return router;
}

const registerSchema = z.strictObject({ actor: z.string().trim().min(1).max(100).default('workers') });

/**
 * `POST /internal/mails/:id/register` (worker token; topic mail.register): the drafted letter takes
 * the next number of the outgoing register and is stamped. Idempotent: a retry gets the same number.
 */
export function outgoingRegisterRoutes(workerToken: string, register: OutgoingRegister): Router {
  const router = Router();
  router.post('/internal/mails/:id/register', requireServiceToken(workerToken, 'workers'), async (req, res) => {
    const { actor } = validate(registerSchema, req.body ?? {}, 'registration');
    res.json(await register.register(req.params.id as string, actor));
  });
  return router;
}
