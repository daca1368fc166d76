import { Router, type Request } from 'express';
import { z } from 'zod';
import { currentUser } from '../auth/auth.middleware.js';
import { parseMultipart } from '../attachments/attachment.upload.js';
import { BadInputError } from '../shared/errors.js';
import { languageOf, type Language } from '../shared/language.js';
import { validate } from '../shared/validate.js';
import { signatureMessage } from './signature.messages.js';
import type { LetterSignatures, SigningKeyInput } from './signature.service.js';

const sealSchema = z.strictObject({ seal: z.literal(true) });
/** A PKCS#12 is a few kilobytes; its bytes and password live in this request only. */
const P12_LIMITS = { maxFiles: 1, maxFileBytes: 256 * 1024, maxTotalBytes: 256 * 1024 };

/**
 * `POST /mails/:id/document/sign`: multipart `p12` (file) + `password`, or JSON `{ "seal": true }`.
 * `GET /mails/:id/document/signatures`: the letter's signatures, verified.
 * `GET /mails/:id/document/signing`: the open signature step the caller holds, if any.
 */
export function signatureRoutes(signatures: LetterSignatures): Router {
  const router = Router();

  router.post('/mails/:id/document/sign', async (req, res) => {
    const language = languageOf(req);
    const input = await readKey(req, language);
    res.status(201).json(await signatures.sign(currentUser(req), req.params.id as string, input, language));
  });

  router.get('/mails/:id/document/signing', async (req, res) => {
    res.json(await signatures.signingStep(currentUser(req), req.params.id as string));
  });

  router.get('/mails/:id/document/signatures', async (req, res) => {
    res.json(await signatures.verify(currentUser(req), req.params.id as string));
  });

  return router;
}

async function readKey(req: Request, language: Language): Promise<SigningKeyInput> {
  if (req.is('application/json')) return validate(sealSchema, req.body, 'signature');
  if (!req.is('multipart/form-data')) throw new BadInputError(signatureMessage('noKey', language));
  const { fields, files } = await parseMultipart(req, 'p12', P12_LIMITS, () => 'application/x-pkcs12');
  const [file] = files;
  const password = fields.password;
  if (!file || typeof password !== 'string') throw new BadInputError(signatureMessage('noKey', language), { fields: [{ field: file ? 'password' : 'p12', message: 'required' }] });
  return { p12: file.data, password };
}
