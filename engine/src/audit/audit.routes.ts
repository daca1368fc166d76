import { Router } from 'express';
import type { MissingAuditEntryDto } from '@diwan/contracts';
import { requireRole } from '../auth/auth.middleware.js';
import { verifyAuditLog } from './audit.service.js';

/** GET /api/audit/verify: the chain, its anchors outside the database, and completeness (admins, supervisors). */
export function auditRoutes(completeness: () => Promise<MissingAuditEntryDto[]>): Router {
  const router = Router();
  router.get('/audit/verify', requireRole('admin', 'supervisor'), async (_req, res) => {
    res.json(await verifyAuditLog(completeness));
  });
  return router;
}
