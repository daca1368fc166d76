import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv, type HtmlTagDescriptor, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * React Router 7 resolves to its development build under every export condition; its production
 * build (no dev-only checks and warnings) sits beside it. The bundle takes that one, the dev server
 * keeps the warnings.
 */
const reactRouterProduction = (entry: 'index' | 'dom-export') =>
  fileURLToPath(import.meta.resolve('react-router')).replace(/([\\/])development[\\/]index\.mjs$/, `$1production$1${entry}.mjs`);

/**
 * The first load. The entry (main.tsx) imports the app (app.start.tsx) only once a circuit's diagram
 * is drawn, on a first load of a circuit's page (features/circuits/circuit-ahead.ts), and at once on
 * any other page. So the build writes two pages, which the engine serves (http/designer.static.ts):
 * - index.html, for every page but a circuit's, names the app's chunks and styles as preloads, so
 *   that they are fetched with the entry, not after it has run (inbox first load, 24 rounds: 313 ms
 *   median, 322 with modulepreloads, within the noise);
 * - circuit.html, for a circuit's page, names the chunks and styles that draw the diagram ahead
 *   instead (modulepreloads: they run at once), and not the app's, which is requested once the
 *   diagram is drawn. Measured in one run of 20 interleaved rounds each (the page's HTML given by the
 *   browser itself): the diagram was there at 1.15× the plain bpmn-js page, against 1.40× with the
 *   app's preloads and 1.24× with no preload at all; preloads of the diagram's chunks that only fetch
 *   (`as="script"`) gave 1.62× against 1.51× in a second such run.
 * Both load the entry `async`: it runs as soon as it is in, not once the document is parsed and its
 * stylesheet applied, and starts the diagram's requests that much sooner (circuit page, two A/B runs
 * of 30 rounds: 4 % and 5 % sooner). It waits for the body itself (document-parsed.ts).
 */
function firstLoad(): Plugin {
  let circuitHtml: string | null = null;
  return {
    name: 'diwan:first-load',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const entryTag = '<script type="module" crossorigin src=';
        if (html.split(entryTag).length !== 2) throw new Error(`diwan:first-load: index.html should have one ${entryTag}`);
        const chunks = Object.values(bundle ?? {}).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
        // the chunk that holds a module (rolldown gives a lazy chunk no facadeModuleId when it shares it)
        const chunkOf = (source: string) => {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.replace(/\\/g, '/').endsWith(source)));
          if (!chunk) throw new Error(`diwan:first-load: no chunk for ${source}`);
          return chunk;
        };
        // what a chunk needs (its static imports, their styles), less what the entry (already in the page) holds and imports
        const needs = (root: Rolldown.OutputChunk) => {
          const scripts = new Set<string>();
          const styles = new Set<string>();
          const visit = (chunk: Rolldown.OutputChunk) => {
            if (chunk.isEntry || scripts.has(chunk.fileName)) return;
            scripts.add(chunk.fileName);
            for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
            for (const name of chunk.imports) visit(bundle![name] as Rolldown.OutputChunk);
          };
          visit(root);
          for (const entry of chunks.filter((chunk) => chunk.isEntry)) {
            for (const css of entry.viteMetadata?.importedCss ?? []) styles.delete(css);
            for (const name of entry.imports) scripts.delete(name);
          }
          return { scripts: [...scripts], styles: [...styles] };
        };
        const preloads = ({ scripts, styles }: { scripts: string[]; styles: string[] }, scriptRel: 'preload' | 'modulepreload') => [
          ...scripts.map((file) => ({ rel: scriptRel, ...(scriptRel === 'preload' ? { as: 'script' } : {}), crossorigin: true, href: `/${file}` })),
          // a preload, not a stylesheet: the first paint does not wait for it
          ...styles.map((file) => ({ rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` })),
        ];
        const page = html.replace(entryTag, '<script type="module" async crossorigin src=');
        const diagram = preloads(needs(chunkOf('/src/shared/diagram/diagram-ahead.ts')), 'modulepreload');
        const links = diagram.map((attrs) => `    <link ${Object.entries(attrs).map(([k, v]) => (v === true ? k : `${k}="${v}"`)).join(' ')}>\n`).join('');
        circuitHtml = page.replace('  </head>', `${links}  </head>`);
        // app chunks fetched only: a modulepreload would also compile them, on the main thread
        const tags = preloads(needs(chunkOf('/src/app/app.start.tsx')), 'preload').map((attrs): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' }));
        return { html: page, tags };
      },
    },
    generateBundle: {
      order: 'post',
      handler() {
        if (!circuitHtml) throw new Error('diwan:first-load: index.html was not transformed');
        this.emitFile({ type: 'asset', fileName: 'circuit.html', source: circuitHtml });
      },
    },
  };
}

/**
 * The engine (Express + Socket.io) listens on :3000; in production it serves dist/ itself.
 * `DIWAN_ENGINE_URL` points the dev server (and `vite preview`) at another engine.
 */
export default defineConfig(({ mode }) => {
  const engine = loadEnv(mode, '.', 'DIWAN_').DIWAN_ENGINE_URL || 'http://localhost:3000';
  return {
    plugins: [react(), firstLoad()],
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
              // Vite's preload helper, which every lazy import goes through, in a chunk of its own: the
              // entry (main.tsx) needs it, and must not wait for the shell chunk to have it.
              { name: 'preload-helper', test: /preload-helper/, priority: 1 },
              // The app's own small modules that several chunks share (API clients, hooks, the
              // session, i18n, shared UI) go in one chunk, with what they import, rather than one
              // chunk each: opening a circuit fetched 32 files, each costing the page's main thread
              // a request from the cache; it now fetches 17 (`BENCH_DIAG=1 npm run bench:designer`).
              // Pages, the diagram pieces (bpmn-js) and the catalogues stay in chunks of their own, and so
              // does what the entry (main.tsx) imports: it runs before the shell is even loaded.
              {
                name: 'shell',
                test: (id: string) =>
                  /designer[\\/]src[\\/]/.test(id) && !/\.page\.tsx$|[\\/]shared[\\/]diagram[\\/]|locales|circuit-ahead|session\.storage|document-parsed/.test(id),
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
