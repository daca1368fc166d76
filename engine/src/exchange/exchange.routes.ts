import { Router, type RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { signedAcknowledgmentSchema } from '@diwan/contracts';
import { parseMultipart, type UploadLimits } from '../attachments/attachment.upload.js';
import { TooManyRequestsError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import type { AcknowledgmentReceiver } from './exchange.acknowledgments.js';
import type { ExchangeIdentity } from './exchange.identity.js';
import type { ExchangeReceiver } from './exchange.receiver.js';

/** A package: the letter and up to 9 attachments, 20 MB each, 50 MB in all (the registration's limits). */
export const PACKAGE_LIMITS: UploadLimits = { maxFiles: 10, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 };

/** Per calling address and minute (in memory, so per engine node). */
function rateLimited(points: number, what: string): RequestHandler {
  const limiter = new RateLimiterMemory({ points, duration: 60 });
  return (req, _res, next) => {
    limiter.consume(req.ip ?? 'unknown').then(
      () => next(),
      (res: unknown) => {
        const wait = res instanceof RateLimiterRes ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 60;
        next(new TooManyRequestsError(`Too many ${what} from this address; try again in ${wait} s`, wait));
      },
    );
  };
}

/**
 * The public side of the exchange, authenticated by signatures only (no login): who we are, and
 * what other administrations post to us (packages, acknowledgments). Rate-limited per address.
 */
export function exchangeRoutes(identity: ExchangeIdentity, receiver: ExchangeReceiver, acknowledgments: AcknowledgmentReceiver): Router {
  const router = Router();

  router.get('/exchange/identity', (_req, res) => {
    res.json(identity.toDto());
  });

  router.post('/exchange/packages', rateLimited(120, 'packages'), async (req, res) => {
    identity.requireEnabled();
    const { fields, files } = await parseMultipart(req, 'file', PACKAGE_LIMITS);
    const outcome = await receiver.receive(fields, files);
    res.status(outcome.created ? 201 : 200).json(outcome.acknowledgment);
  });

  router.post('/exchange/acknowledgments', rateLimited(300, 'acknowledgments'), async (req, res) => {
    const signed = validate(signedAcknowledgmentSchema, req.body, 'acknowledgment');
    res.json(await acknowledgments.receive(signed));
  });

  return router;
}
