import { Router } from 'express';
import { currentUser } from '../auth/auth.middleware.js';
import { validate } from '../shared/validate.js';
import { completeUserTaskSchema, userTaskQuerySchema, type UserTaskService } from './user-task.service.js';

export function userTaskRoutes(userTasks: UserTaskService): Router {
  const router = Router();
  router.get('/user-tasks', async (req, res) => {
    const query = validate(userTaskQuerySchema, req.query, 'user-task query');
    res.json(await userTasks.listVisible(currentUser(req), query));
  });
  router.get('/user-tasks/:id', async (req, res) => {
    res.json(await userTasks.get(currentUser(req), req.params.id));
  });
  router.post('/user-tasks/:id/complete', async (req, res) => {
    const body = validate(completeUserTaskSchema, req.body ?? {}, 'completion');
    await userTasks.complete(currentUser(req), req.params.id, body.variables);
    res.status(204).end();
  });
  return router;
}
