import { Router } from 'express';
import { currentUser } from '../auth/auth.middleware.js';
import { languageOf } from '../shared/language.js';
import { validate } from '../shared/validate.js';
import { bulkUserTaskSchema, completeUserTaskSchema, delegateUserTaskSchema, userTaskQuerySchema, type UserTaskService } from './user-task.service.js';

export function userTaskRoutes(userTasks: UserTaskService): Router {
  const router = Router();
  router.get('/user-tasks', async (req, res) => {
    const query = validate(userTaskQuerySchema, req.query, 'user-task query');
    res.json(await userTasks.listVisible(currentUser(req), query));
  });
  router.get('/user-tasks/counts', async (req, res) => {
    res.json(await userTasks.counts(currentUser(req)));
  });
  router.post('/user-tasks/bulk', async (req, res) => {
    const body = validate(bulkUserTaskSchema, req.body ?? {}, 'bulk action');
    res.json({ results: await userTasks.bulk(currentUser(req), body.action, body.ids, body.to) });
  });
  router.get('/user-tasks/:id', async (req, res) => {
    res.json(await userTasks.get(currentUser(req), req.params.id));
  });
  router.get('/user-tasks/:id/form', async (req, res) => {
    res.json(await userTasks.form(currentUser(req), req.params.id, languageOf(req)));
  });
  router.post('/user-tasks/:id/claim', async (req, res) => {
    res.json(await userTasks.claim(currentUser(req), req.params.id));
  });
  router.post('/user-tasks/:id/unclaim', async (req, res) => {
    res.json(await userTasks.unclaim(currentUser(req), req.params.id));
  });
  router.post('/user-tasks/:id/delegate', async (req, res) => {
    const body = validate(delegateUserTaskSchema, req.body ?? {}, 'delegation');
    res.json(await userTasks.delegate(currentUser(req), req.params.id, body.to));
  });
  router.post('/user-tasks/:id/complete', async (req, res) => {
    const body = validate(completeUserTaskSchema, req.body ?? {}, 'completion');
    await userTasks.complete(currentUser(req), req.params.id, body.variables);
    res.status(204).end();
  });
  return router;
}
