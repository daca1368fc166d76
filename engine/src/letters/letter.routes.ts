import { Router, type Response } from 'express';
import { z } from 'zod';
import { letterCompareQuerySchema, letterFromTemplateSchema, saveLetterSchema, type MailDto } from '@diwan/contracts';
import { currentUser } from '../auth/auth.middleware.js';
import { languageOf } from '../shared/language.js';
import { MAIL_UPLOAD_LIMITS, parseMultipart } from '../attachments/attachment.upload.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import { BadInputError } from '../shared/errors.js';
import { say, validateIn } from './letter.messages.js';
import type { LetterService } from './letter.service.js';

const versionNumberSchema = z.coerce.number().int().min(1).max(100_000);

function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Length', String(pdf.length));
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(pdf);
}

/**
 * A mail's letter: `GET|PUT /api/mails/:id/letter`, `POST …/letter/from-template`, its versions and
 * their comparison, and `GET /api/mails/:id/document` (the current PDF, signed once signed). The
 * service checks who may read and who may write (letter.rights.ts).
 */
export function letterRoutes(letters: LetterService, updates: MailUpdates): Router {
  const router = Router();
  // documents sent with the letter (annexes): by whoever may still change it, before it is signed
  router.post('/mails/:id/letter/annexes', async (req, res) => {
    const [user, language, mailId] = [currentUser(req), languageOf(req), String(req.params.id)];
    await letters.checkWritable(user, mailId, language);
    const upload = await parseMultipart(req, 'files', MAIL_UPLOAD_LIMITS);
    if (!upload.files.length) throw new BadInputError(say(language, 'noFile'), { fields: [{ field: 'files', message: say(language, 'noFile') }] });
    let mail: MailDto | null = null;
    for (const file of upload.files) mail = (await updates.addAttachment(mailId, file, 'annex', user.username)).mail;
    res.status(201).json(mail);
  });
  router.get('/mails/:id/letter', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await letters.view(currentUser(req), String(req.params.id)));
  });
  router.put('/mails/:id/letter', async (req, res) => {
    const language = languageOf(req);
    res.json(await letters.save(currentUser(req), String(req.params.id), validateIn(saveLetterSchema, req.body, language), language));
  });
  router.post('/mails/:id/letter/from-template', async (req, res) => {
    const language = languageOf(req);
    res.json(await letters.applyTemplate(currentUser(req), String(req.params.id), validateIn(letterFromTemplateSchema, req.body, language), language));
  });
  router.get('/mails/:id/letter/versions/:n', async (req, res) => {
    const language = languageOf(req);
    res.json(await letters.version(currentUser(req), String(req.params.id), validateIn(versionNumberSchema, req.params.n, language), language));
  });
  router.get('/mails/:id/letter/compare', async (req, res) => {
    const language = languageOf(req);
    const { from, to } = validateIn(letterCompareQuerySchema, req.query, language);
    res.json(await letters.compare(currentUser(req), String(req.params.id), from, to, language));
  });
  router.get('/mails/:id/document', async (req, res) => {
    const id = String(req.params.id);
    sendPdf(res, await letters.document(currentUser(req), id, languageOf(req)), `letter-${id}.pdf`);
  });
  return router;
}
