import { Router } from 'express';
import { loginRequestSchema } from '@diwan/contracts';
import { validate } from '../shared/validate.js';
import { currentUser, requireUser } from './auth.middleware.js';
import type { AuthService } from './auth.service.js';

export function authRoutes(auth: AuthService): Router {
  const router = Router();
  router.post('/auth/login', async (req, res) => {
    const body = validate(loginRequestSchema, req.body, 'login');
    res.json(await auth.login(body));
  });
  router.get('/auth/me', requireUser(auth), (req, res) => {
    res.json(currentUser(req));
  });
  return router;
}
