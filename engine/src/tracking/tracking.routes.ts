import { Router, type Request } from 'express';
import { citizenAnswerSchema } from '@diwan/contracts';
import { openFile } from '../attachments/attachment.store.js';
import { parseMultipart, type UploadLimits } from '../attachments/attachment.upload.js';
import type { CircuitModels } from '../circuits/circuit-model.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { BadInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import { languageOf } from '../shared/language.js';
import { CitizenAnswerService } from './citizen-answer.service.js';
import { say } from './tracking.messages.js';
import { rateLimiter } from './tracking.rate-limit.js';
import { answerDocumentOf, isClosed, TrackingService } from './tracking.service.js';

/** What a citizen may attach to an answer: a few documents, sniffed like every upload. */
export const CITIZEN_ANSWER_LIMITS: UploadLimits = { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 };
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

export interface TrackingDeps {
  runtime: RuntimeClient;
  circuitModels: CircuitModels;
  updates: MailUpdates;
}

const clientOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * The citizen's public routes (no login, by unguessable tracking code): where the mail stands,
 * answering what the administration asks, and the answer document once the file is closed.
 * Never a subject, a step, a note or a person; the department's name only.
 */
export function trackingRoutes(deps: TrackingDeps, perMinute = 60): Router {
  const router = Router();
  const tracking = new TrackingService(deps.runtime, deps.circuitModels);
  const answers = new CitizenAnswerService(deps.runtime, deps.circuitModels, deps.updates);
  const limit = rateLimiter(perMinute, 60, 'tracking requests');
  // answers are rarer: per address and per tracking code
  const answerLimit = rateLimiter(30, 3600, 'answers');
  const answerPerCode = rateLimiter(10, 3600, 'answers for this mail');

  router.get('/public/track/:code', async (req, res) => {
    await limit(clientOf(req));
    const dto = await tracking.track(String(req.params.code), languageOf(req));
    res.setHeader('Cache-Control', 'no-store');
    res.json(dto);
  });

  router.post('/public/track/:code/answers', async (req, res) => {
    const language = languageOf(req);
    await limit(clientOf(req));
    const mail = await tracking.mail(String(req.params.code), language);
    await answerLimit(clientOf(req));
    await answerPerCode(String(mail._id));
    const upload = await parseMultipart(req, 'files', CITIZEN_ANSWER_LIMITS);
    const parsed = citizenAnswerSchema.safeParse({ text: upload.fields.text ?? '' });
    if (!parsed.success) throw new BadInputError(say(language, 'textRequired'), { fields: [{ field: 'text', message: say(language, 'textRequired') }] });
    const header = req.get('idempotency-key');
    if (header !== undefined && !KEY.test(header)) throw new BadInputError('Idempotency-Key: 8 to 100 letters, digits, - or _', { fields: [{ field: 'Idempotency-Key', message: 'invalid' }] });
    const { dto, replayed } = await answers.answer(String(mail._id), { text: parsed.data.text, files: upload.files, idempotencyKey: header ?? null }, language);
    res.setHeader('Cache-Control', 'no-store');
    res.status(replayed ? 200 : 201).json(dto);
  });

  router.get('/public/track/:code/answer', async (req, res) => {
    const language = languageOf(req);
    await limit(clientOf(req));
    const mail = await tracking.mail(String(req.params.code), language);
    if (!isClosed(mail)) throw new ConflictError(say(language, 'notClosed'));
    const document = answerDocumentOf(mail);
    if (!document) throw new NotFoundError(say(language, 'noAnswer'));
    res.setHeader('Content-Type', document.contentType);
    res.setHeader('Content-Length', String(document.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    const stream = openFile(document.id);
    stream.on('error', (err) => {
      if (!res.headersSent) res.removeHeader('Content-Length');
      res.destroy(err);
    });
    stream.pipe(res);
  });
  return router;
}
