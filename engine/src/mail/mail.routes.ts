import { Router, type Request } from 'express';
import { z } from 'zod';
import { mailQuerySchema } from '@diwan/contracts';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { MAIL_UPLOAD_LIMITS, parseMultipart, type UploadedFile } from '../attachments/attachment.upload.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { BadInputError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import { mailsToCsv } from './mail.csv.js';
import { reconcileRegisters } from './mail.number.js';
import { allMatchingMails, findDuplicates, getMail, listMails } from './mail.query.js';
import { mailProgressHandler } from './mail.progress.js';
import { mailTimelineHandler } from './mail.timeline.js';
import type { MailRegistration } from './mail.registration.js';

const duplicateQuerySchema = z
  .object({ correspondentId: z.string().min(1).optional(), correspondentName: z.string().trim().min(1).optional(), letterReference: z.string().trim().min(1).max(100) })
  .refine((q) => q.correspondentId || q.correspondentName, { message: 'give correspondentId or correspondentName', path: ['correspondentId'] });

const idempotencyKeySchema = z.string().trim().min(8).max(200).optional();

/**
 * The mail registry: registration, the register, one mail, its circuit progress. `timeZone`: the
 * administration's, what "overdue today" means in the register's open-work filter.
 */
export function mailRoutes(registration: MailRegistration, runtime: RuntimeClient, timeZone: string): Router {
  const router = Router();

  router.post('/mails', requireRole('registrar', 'admin'), async (req, res) => {
    const user = currentUser(req);
    const key = validate(idempotencyKeySchema, req.get('idempotency-key'), 'Idempotency-Key header');
    const { raw, files } = await readRegistration(req);
    const { mail, replayed } = await registration.register(user, raw, files, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(replayed ? 200 : 201).json(mail);
  });

  router.get('/mails', async (req, res) => {
    const user = currentUser(req);
    const query = validate(mailQuerySchema, req.query, 'mail query');
    if (query.format === 'csv') {
      const csv = mailsToCsv(await allMatchingMails(user, query, timeZone));
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="registre-${new Date().toISOString().slice(0, 10)}.csv"`);
      res.send(csv);
      return;
    }
    res.json(await listMails(user, query, timeZone));
  });

  router.get('/mails/duplicates', async (req, res) => {
    res.json(await findDuplicates(currentUser(req), validate(duplicateQuerySchema, req.query, 'duplicate query')));
  });

  router.get('/mails/:id', async (req, res) => {
    res.json(await getMail(currentUser(req), req.params.id));
  });

  router.get('/mails/:id/progress', mailProgressHandler(runtime));
  router.get('/mails/:id/timeline', mailTimelineHandler(runtime));

  router.post('/admin/mails/reconcile', requireRole('admin'), async (req, res) => {
    const graceMs = validate(z.coerce.number().int().min(0).max(60_000).default(10_000), req.query.graceMs, 'graceMs');
    res.json({ voided: await reconcileRegisters({ graceMs, actor: currentUser(req).username }) });
  });

  return router;
}

/** The mail as multipart (field `mail` holding JSON, files in `attachments`) or as a plain JSON body without files. */
async function readRegistration(req: Request): Promise<{ raw: unknown; files: UploadedFile[] }> {
  if (req.is('application/json')) return { raw: req.body, files: [] };
  if (!req.is('multipart/form-data')) throw new BadInputError('Send the mail as multipart/form-data (field "mail" as JSON, files in "attachments") or as JSON');
  const { fields, files } = await parseMultipart(req, 'attachments', MAIL_UPLOAD_LIMITS);
  if (fields.mail === undefined) throw new BadInputError('Invalid mail: mail: the multipart field "mail" is required', { fields: [{ field: 'mail', message: 'required' }] });
  try {
    return { raw: JSON.parse(fields.mail), files };
  } catch {
    throw new BadInputError('Invalid mail: mail: the field "mail" is not valid JSON', { fields: [{ field: 'mail', message: 'not valid JSON' }] });
  }
}
