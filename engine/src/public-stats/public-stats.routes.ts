import { Router } from 'express';
import { publicStatsQuerySchema } from '@diwan/contracts';
import { validateIn } from '../shared/localized.js';
import { languageOf } from '../shared/language.js';
import { rateLimiter } from '../tracking/tracking.rate-limit.js';
import { PublicStatsService } from './public-stats.service.js';

/** `GET /api/public/stats?month=YYYY-MM`: no login, numbers only, cached a minute (here and by clients). */
export function publicStatsRoutes(timeZone: string, perMinute = 60): Router {
  const router = Router();
  const stats = new PublicStatsService(timeZone);
  const limit = rateLimiter(perMinute, 60, 'statistics requests');
  router.get('/public/stats', async (req, res) => {
    await limit(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const { month } = validateIn(publicStatsQuerySchema, req.query, languageOf(req));
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json(await stats.stats(month));
  });
  return router;
}
