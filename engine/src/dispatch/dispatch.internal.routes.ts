import { Router } from 'express';
import { dispatchClaimSchema, dispatchRecordSchema } from '@diwan/contracts';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import type { MailDispatches } from '../mail/mail.dispatch.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import { NotFoundError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import { letterOf, type CurrentLetterPdf } from './dispatch.letter.js';

/** What the `mail.dispatch` worker calls, with the worker token. */
export function dispatchInternalRoutes(workerToken: string, updates: MailUpdates, dispatches: MailDispatches, currentPdf: CurrentLetterPdf | null): Router {
  const router = Router();
  const workers = requireServiceToken(workerToken, 'workers');

  // The letter that leaves, as a PDF (signed once signed); 404 when the mail has none.
  router.get('/internal/mails/:id/dispatch/letter', workers, async (req, res) => {
    const mail = await updates.get(req.params.id as string);
    const letter = await letterOf(mail, currentPdf);
    if (!letter) throw new NotFoundError(`Mail ${mail.chronoNumber} has no letter to send`);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(letter.filename)}`);
    res.send(letter.bytes);
  });

  router.post('/internal/mails/:id/dispatch/claim', workers, async (req, res) => {
    const body = validate(dispatchClaimSchema, req.body, 'dispatch claim');
    res.json(await dispatches.claim(req.params.id as string, body.means, body.recipient));
  });

  router.post('/internal/mails/:id/dispatch/record', workers, async (req, res) => {
    const body = validate(dispatchRecordSchema, req.body, 'dispatch record');
    res.json(await dispatches.record(req.params.id as string, body, 'workers'));
  });

  return router;
}
