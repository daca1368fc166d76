import { Router } from 'express';
import { z } from 'zod';
import { dispatchPostedSchema } from '@diwan/contracts';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import type { MailDispatches } from '../mail/mail.dispatch.js';
import { toMailDto } from '../mail/mail.dto.js';
import { findVisibleMail } from '../mail/mail.query.js';
import { validate } from '../shared/validate.js';
import { assertPostable, type DispatchDocuments } from './dispatch.documents.js';

const envelopeQuery = z.object({ size: z.enum(['DL', 'C5']).default('DL') });

/** The dispatch as staff see it, and the post's printable slip and envelope (whoever may see the mail). */
export function dispatchRoutes(dispatches: MailDispatches, documents: DispatchDocuments): Router {
  const router = Router();
  const visible = async (req: { params: Record<string, unknown> }, user: ReturnType<typeof currentUser>) => toMailDto(await findVisibleMail(user, req.params.id as string));

  router.get('/mails/:id/dispatch', async (req, res) => {
    const mail = await visible(req, currentUser(req));
    res.json({ dispatch: await dispatches.of(mail.id) });
  });

  router.get('/mails/:id/dispatch/slip.pdf', async (req, res) => {
    const user = currentUser(req);
    const mail = await visible(req, user);
    assertPostable(mail);
    sendPdf(res, await documents.slip(mail, user), `bordereau-${mail.chronoNumber!.replaceAll('/', '-')}.pdf`);
  });

  router.get('/mails/:id/dispatch/envelope.pdf', async (req, res) => {
    const { size } = validate(envelopeQuery, req.query, 'envelope');
    const mail = await visible(req, currentUser(req));
    assertPostable(mail);
    sendPdf(res, await documents.envelope(mail, size), `enveloppe-${mail.chronoNumber!.replaceAll('/', '-')}.pdf`);
  });

  // The registry clerk confirms the posting (registrars and admins who may see the mail).
  router.post('/mails/:id/dispatch/posted', requireRole('registrar', 'admin'), async (req, res) => {
    const body = validate(dispatchPostedSchema, req.body ?? {}, 'posting');
    const user = currentUser(req);
    const mail = await visible(req, user);
    res.json({ dispatch: await dispatches.confirmPosted(mail.id, body.reference ?? null, user.username) });
  });

  return router;
}

function sendPdf(res: import('express').Response, bytes: Buffer, filename: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(bytes);
}
