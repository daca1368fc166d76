import { Router } from 'express';
import { deadlineNotificationSchema, notificationRequestSchema } from '@diwan/contracts';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { validate } from '../shared/validate.js';
import type { DeadlineNotifier } from './notification.deadline.js';
import type { NotificationService } from './notification.service.js';

/** What the workers call with their token: `notify.sms` / `notify.email`, and the deadline topics. */
export function notificationInternalRoutes(workerToken: string, notifications: NotificationService, deadlines: DeadlineNotifier): Router {
  const router = Router();
  const workers = requireServiceToken(workerToken, 'workers');
  router.post('/internal/notifications', workers, async (req, res) => {
    const request = validate(notificationRequestSchema, req.body, 'notification');
    res.json(await notifications.request(request));
  });
  router.post('/internal/notifications/deadline', workers, async (req, res) => {
    res.json(await deadlines.notify(validate(deadlineNotificationSchema, req.body, 'deadline notification')));
  });
  return router;
}
