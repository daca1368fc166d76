import { Router } from 'express';
import { z } from 'zod';
import type { UserSummaryDto } from '@diwan/contracts';
import { UserModel } from '../auth/user.model.js';
import { validate } from '../shared/validate.js';

const userQuerySchema = z.object({ department: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/).optional() });

/** GET /api/users: active users for assignment pickers (any logged-in staff). */
export function userRoutes(): Router {
  const router = Router();
  router.get('/users', async (req, res) => {
    const query = validate(userQuerySchema, req.query, 'user query');
    const filter: Record<string, unknown> = { active: true };
    if (query.department) filter.departments = query.department;
    const users = await UserModel.find(filter).sort({ username: 1 }).limit(1000).lean();
    const dtos: UserSummaryDto[] = users.map((u) => ({ username: u.username, displayName: u.displayName, roles: [...u.roles], departments: [...u.departments] }));
    res.json(dtos);
  });
  return router;
}

/** The usernames among `names` that name no active user. */
export async function unknownUsers(names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const lower = names.map((n) => n.toLowerCase());
  const known = new Set((await UserModel.find({ username: { $in: lower }, active: true }, { username: 1 }).lean()).map((u) => u.username));
  return names.filter((n) => !known.has(n.toLowerCase()));
}
