import { Router } from 'express';
import { notificationQuerySchema } from '@diwan/contracts';
import { currentUser, requireRole } from '../auth/auth.middleware.js';
import { validate } from '../shared/validate.js';
import type { NotificationService } from './notification.service.js';

/**
 * `/api/notifications`: admins list every notification with its text and delivery status
 * (paged, by mail, channel, status); every user reads and marks read their own bell.
 */
export function notificationRoutes(notifications: NotificationService): Router {
  const router = Router();
  router.get('/notifications', requireRole('admin'), async (req, res) => {
    const query = validate(notificationQuerySchema, req.query, 'notification query');
    const { items, total } = await notifications.list(query);
    res.setHeader('X-Total-Count', String(total));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items, total, page: query.page, pageSize: query.pageSize });
  });
  router.get('/notifications/mine', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await notifications.mine(currentUser(req).username));
  });
  router.post('/notifications/mine/read', async (req, res) => {
    res.json(await notifications.markRead(currentUser(req).username));
  });
  return router;
}
