import { Router } from 'express';
import type { MailTrackingDto } from '@diwan/contracts';
import { mailByTrackingCode } from '../mail/mail.lookup.js';
import { DiwanError, NotFoundError } from '../shared/errors.js';

class TooManyRequestsError extends DiwanError {
  readonly status = 429;
  readonly code = 'too_many_requests';
}

/** A small fixed-window limit per client address, in memory (one engine node; a shared store would be needed beyond). */
function rateLimiter(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string) => {
    const now = Date.now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start > 60_000) windows.delete(k);
    const w = windows.get(key);
    if (!w || now - w.start > 60_000) {
      windows.set(key, { start: now, count: 1 });
      return;
    }
    w.count += 1;
    if (w.count > perMinute) throw new TooManyRequestsError('Too many tracking requests; try again in a minute');
  };
}

/** GET /api/public/track/:code: no login; only the number, the status and dates, never the subject or names. */
export function trackingRoutes(perMinute = 30): Router {
  const router = Router();
  const limit = rateLimiter(perMinute);
  router.get('/public/track/:code', async (req, res) => {
    limit(req.ip ?? 'unknown');
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
