import path from 'node:path';
import express, { type Router } from 'express';
import { NotFoundError } from '../shared/errors.js';

/**
 * The built designer. Vite names every file under assets/ after its content, so those are cached
 * for good (`immutable`: a reload does not even revalidate them); a missing one is a 404, never the
 * page in its place. index.html, which names the current assets, is revalidated on every load so a
 * new build is picked up at once. Every other path is the single-page app's.
 */
export function designerStatic(dist: string): Router {
  const router = express.Router();
  router.use('/assets', express.static(path.join(dist, 'assets'), { index: false, immutable: true, maxAge: '1y' }));
  router.use('/assets', (req, _res, next) => next(new NotFoundError(`No designer asset ${req.originalUrl}`)));
  router.use(express.static(dist, { index: false, maxAge: '1h' }));
  router.get('/{*path}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dist, 'index.html'));
  });
  return router;
}
