import { Router } from 'express';
import { currentUser } from '../auth/auth.middleware.js';
import { languageOf } from '../shared/language.js';
import { validate } from '../shared/validate.js';
import { bulkUserTaskSchema, completeUserTaskSchema, delegateUserTaskSchema, userTaskQuerySchema, type UserTaskService } from './user-task.service.js';

export function userTaskRoutes(userTasks: UserTaskService): Router {
  const router = Router();
  router.get('/user-tasks', async (req, res) => {
    const query = validate(userTaskQuerySchema, req.query, 'user-task query');
    const { items, total } = await userTasks.pageVisible(currentUser(req), query);
    res.setHeader('X-Total-Count', String(total ?? items.length));
    const links = pageLinks(req.originalUrl, query.page, query.pageSize, total ?? items.length);
    if (links) res.setHeader('Link', links);
    res.json(items);
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
    await userTasks.complete(currentUser(req), req.params.id, body.variables, languageOf(req));
    res.status(204).end();
  });
  return router;
}

/** RFC 8288 links to the next and previous pages, if any. */
function pageLinks(url: string, page: number, pageSize: number, total: number): string | null {
  const at = (p: number) => {
    const u = new URL(url, 'http://x');
    u.searchParams.set('page', String(p));
    u.searchParams.set('pageSize', String(pageSize));
    return `<${u.pathname}${u.search}>`;
  };
  const links = [];
  if (page * pageSize < total) links.push(`${at(page + 1)}; rel="next"`);
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  return links.length ? links.join(', ') : null;
}
