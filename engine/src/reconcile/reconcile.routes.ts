import { Router } from 'express';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import type { Reconciler } from './reconciler.js';

/** POST /api/admin/reconcile: run the reconciler now (admins); GET: the last report (admins, supervisors). */
export function reconcileRoutes(reconciler: Reconciler): Router {
  const router = Router();
  router.post('/admin/reconcile', requireRole('admin'), async (req, res) => {
    res.json(await reconciler.run(currentUser(req).username));
  });
  router.get('/admin/reconcile', requireRole('admin', 'supervisor'), (_req, res) => {
    res.json(reconciler.lastReport());
  });
  return router;
}
