import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * React Router 7 resolves to its development build under every export condition; its production
 * build (no dev-only checks and warnings) sits beside it. The bundle takes that one, the dev server
 * keeps the warnings.
 */
const reactRouterProduction = (entry: 'index' | 'dom-export') =>
  fileURLToPath(import.meta.resolve('react-router')).replace(/([\\/])development[\\/]index\.mjs$/, `$1production$1${entry}.mjs`);

/**
 * The engine (Express + Socket.io) listens on :3000; in production it serves dist/ itself.
 * `DIWAN_ENGINE_URL` points the dev server (and `vite preview`) at another engine.
 */
export default defineConfig(({ mode }) => {
  const engine = loadEnv(mode, '.', 'DIWAN_').DIWAN_ENGINE_URL || 'http://localhost:3000';
  return {
    plugins: [react()],
    resolve:
      mode === 'production'
        ? {
            alias: [
              { find: /^react-router$/, replacement: reactRouterProduction('index') },
              { find: /^react-router\/dom$/, replacement: reactRouterProduction('dom-export') },
            ],
          }
        : {},
    server: {
      port: 5173,
      proxy: {
        '/api': { target: engine, changeOrigin: true },
        '/socket.io': { target: engine, ws: true, changeOrigin: true },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // The app's own small modules that several chunks share (API clients, hooks, the
              // session, i18n, shared UI) go in one chunk, with what they import, rather than one
              // chunk each: opening a circuit fetched 32 files, each costing the page's main thread
              // a request from the cache; it now fetches 17 (`BENCH_DIAG=1 npm run bench:designer`).
              // Pages, the diagram pieces (bpmn-js) and the catalogues stay in chunks of their own.
              {
                name: 'shell',
                test: (id: string) => /designer[\\/]src[\\/]/.test(id) && !/\.page\.tsx$|[\\/]shared[\\/]diagram[\\/]|locales/.test(id),
                minShareCount: 2,
              },
            ],
          },
        },
        treeshake: {
          // @diwan/contracts only declares constants and zod schemas: a page that takes one constant
          // must not carry (and build, at start-up) every schema and zod with it.
          moduleSideEffects: (id: string) => (/[\\/]contracts[\\/]dist[\\/]/.test(id) ? false : undefined),
        },
      },
    },
  };
});
