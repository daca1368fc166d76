import { Router } from 'express';
import { loginRequestSchema } from '@diwan/contracts';
import { validate } from '../shared/validate.js';
import { bearerToken, currentUser, requireUser } from './auth.middleware.js';
import type { AuthService } from './auth.service.js';

export function authRoutes(auth: AuthService): Router {
  const router = Router();
  router.post('/auth/login', async (req, res) => {
    const body = validate(loginRequestSchema, req.body, 'login');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await auth.login(body, req.ip ?? req.socket.remoteAddress ?? 'unknown'));
  });
  router.post('/auth/logout', async (req, res) => {
    await auth.logout(bearerToken(req.headers.authorization));
    res.status(204).end();
  });
  router.get('/auth/me', requireUser(auth), (req, res) => {
    res.json(currentUser(req));
  });
  return router;
}
