import { Router } from 'express';
import { z } from 'zod';
import { MAIL_STATUSES } from '@diwan/contracts';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { parseMultipart } from '../attachments/attachment.upload.js';
import { BadInputError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import type { MailUpdates } from './mail.updates.js';

const statusChangeSchema = z.object({ status: z.enum(MAIL_STATUSES), actor: z.string().trim().min(1).max(100) });
const attachmentRoleSchema = z.enum(['receipt', 'reply']);

/** Routes the workers call with the worker token. */
export function mailInternalRoutes(workerToken: string, updates: MailUpdates): Router {
  const router = Router();
  const workers = requireServiceToken(workerToken, 'workers');

  router.get('/internal/mails/:id', workers, async (req, res) => {
    res.json(await updates.get(req.params.id as string));
  });

  router.post('/internal/mails/:id/status', workers, async (req, res) => {
    const body = validate(statusChangeSchema, req.body, 'status change');
    res.json(await updates.moveStatus(req.params.id as string, body.status, body.actor));
  });

  router.post('/internal/mails/:id/attachments', workers, async (req, res) => {
    const { fields, files } = await parseMultipart(req, 'file', { maxFiles: 1, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 });
    const role = validate(attachmentRoleSchema, fields.role, 'attachment role');
    const [file] = files;
    if (!file) throw new BadInputError('The multipart field "file" is required');
    const actor = fields.actor?.trim() || 'workers';
    const { mail, created } = await updates.addAttachment(req.params.id as string, file, role, actor);
    res.status(created ? 201 : 200).json(mail);
  });

  return router;
}
