import { Router } from 'express';
import type { MailTrackingDto } from '@diwan/contracts';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { mailByTrackingCode } from '../mail/mail.lookup.js';
import { NotFoundError, TooManyRequestsError } from '../shared/errors.js';

/**
 * A limit per client address (req.ip: the socket's address, or the one the configured proxy
 * gives, see DIWAN_TRUST_PROXY), in memory (one engine node; a shared store would be needed beyond).
 */
function rateLimiter(perMinute: number) {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (key: string) => {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const wait = Math.ceil(res.msBeforeNext / 1000);
      throw new TooManyRequestsError(`Too many tracking requests; try again in ${wait} s`, wait);
    }
  };
}

/** GET /api/public/track/:code: no login; only the number, the status and dates, never the subject or names. */
export function trackingRoutes(perMinute = 30): Router {
  const router = Router();
  const limit = rateLimiter(perMinute);
  router.get('/public/track/:code', async (req, res) => {
    await limit(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const code = req.params.code.trim().toUpperCase();
    const mail = /^[0-9A-Z]{10}$/.test(code) ? await mailByTrackingCode(code) : null;
    if (!mail) throw new NotFoundError('No mail with this tracking code');
    const dto: MailTrackingDto = {
      chronoNumber: mail.chronoNumber,
      status: mail.status,
      receivedAt: mail.receivedAt.toISOString(),
      lastUpdate: (mail.updatedAt ?? mail.registeredAt).toISOString(),
      receiptNumber: mail.receipt?.number ?? null,
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(dto);
  });
  return router;
}
