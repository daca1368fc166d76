import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware.js';
import { verifyAuditLog } from './audit.service.js';

export function auditRoutes(): Router {
  const router = Router();
  router.get('/audit/verify', requireRole('admin', 'supervisor'), async (_req, res) => {
    res.json(await verifyAuditLog());
  });
  return router;
}
