import type { RequestHandler } from 'express';
import { BadInputError } from '../shared/errors.js';

/**
 * Refuses a NUL character anywhere in the URL (path or query) or in a JSON body's keys and strings:
 * no input of ours may hold one, and MongoDB refuses it in keys and regular expressions (it used to
 * end as a 500). Runs at the boundary, before any route.
 */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  if (/%00|\0/.test(req.originalUrl)) return next(new BadInputError('The URL holds a NUL character', { fields: [{ field: '(url)', message: 'NUL character' }] }));
  if (holdsNul(req.body, 0)) return next(new BadInputError('The body holds a NUL character', { fields: [{ field: '(body)', message: 'NUL character' }] }));
  next();
};

function holdsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\0') || holdsNul(v, depth + 1)) return true;
  return false;
}

/** Express `trust proxy` from DIWAN_TRUST_PROXY: the listed proxy addresses or subnets, or none when empty. */
export function trustedProxies(setting: string): string[] | false {
  const list = setting.split(',').map((s) => s.trim()).filter((s) => s && s !== 'false' && s !== 'none');
  return list.length ? list : false;
}
