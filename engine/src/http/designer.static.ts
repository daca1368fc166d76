import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { NotFoundError } from '../shared/errors.js';

/** A deployed circuit's page (the designer's app.router.tsx); `/circuits/drafts` is the drafts list. */
const CIRCUIT_PAGE = /^\/circuits\/(?!drafts$)[^/]+$/;

/**
 * The built designer. Vite names every file under assets/ after its content, so those are cached
 * for good (`immutable`: a reload does not even revalidate them); a missing one is a 404, never the
 * page in its place. index.html, which names the current assets, is revalidated on every load so a
 * new build is picked up at once. Every other path is the single-page app's: a circuit's page gets
 * circuit.html, the same page with the diagram's chunks preloaded instead of the app's (see the
 * designer's vite.config.ts), when the build has it.
 */
export function designerStatic(dist: string): Router {
  const router = express.Router();
  router.use('/assets', express.static(path.join(dist, 'assets'), { index: false, immutable: true, maxAge: '1y' }));
  router.use('/assets', (req, _res, next) => next(new NotFoundError(`No designer asset ${req.originalUrl}`)));
  router.use(express.static(dist, { index: false, maxAge: '1h' }));
  const circuitPage = existsSync(path.join(dist, 'circuit.html')) ? 'circuit.html' : 'index.html';
  router.get('/{*path}', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dist, CIRCUIT_PAGE.test(req.path) ? circuitPage : 'index.html'));
  });
  return router;
}
