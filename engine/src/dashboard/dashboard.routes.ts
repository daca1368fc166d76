import { Router } from 'express';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { languageOf } from '../shared/language.js';
import type { DashboardFeature } from './dashboard.feature.js';
import { parseDashboardQuery } from './dashboard.query.js';

/** GET /api/dashboard (admins, supervisors; heads for their departments); POST /api/admin/dashboard/rebuild (admins). */
export function dashboardRoutes(dashboard: DashboardFeature): Router {
  const router = Router();
  router.get('/dashboard', async (req, res) => {
    const language = languageOf(req);
    const query = parseDashboardQuery(req.query, language);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await dashboard.figures(query, currentUser(req), language));
  });
  router.post('/admin/dashboard/rebuild', requireRole('admin'), async (req, res) => {
    res.json(await dashboard.rebuild(currentUser(req).username));
  });
  return router;
}
