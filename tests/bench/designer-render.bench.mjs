/* global document */ // (the waitForFunction callback runs in the page)
// `npm run bench:designer`: time to open and render a 300-element circuit in the designer, next to
// a plain bpmn-js page opening the same file, in the same run, rounds interleaved, printed as a
// ratio (the machines are noisy, absolute figures are not). No assertion on the timings.
//
// Diwan: navigation to /circuits/<id> (signed in as admin) until the canvas says ready and all 300
// elements are in the DOM: the SPA, its auth and live connection, GET /api/circuits/:id/xml through
// the engine and the runtime, bpmn-js (lazy chunk) import and fit.
// Baseline: a static page from a tiny local server that loads bpmn-js's distributed bundle
// (bpmn-navigated-viewer.production.min.js) with its CSS, fetches the same XML and imports it.
// Both are timed in the page (performance.now(), from navigation start), in Debian's Chromium.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from '../../scripts/build.mjs';
import { freePort } from '../../scripts/stack.mjs';
import { DEMO_PASSWORD, loginToken, startBenchStack } from './bench-stack.mjs';
import { generateCircuit } from './circuit.fixture.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 10);
const NODES = 150; // + 150 sequence flows = 300 elements
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BPMN_DIST = path.join(root, 'node_modules/bpmn-js/dist');

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Serves the baseline page, bpmn-js's dist/ folder and the diagram. */
function baselineServer(xml) {
  const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>bpmn-js baseline</title>
<link rel="stylesheet" href="/dist/assets/diagram-js.css">
<link rel="stylesheet" href="/dist/assets/bpmn-js.css">
<link rel="stylesheet" href="/dist/assets/bpmn-font/css/bpmn.css">
<style>html, body { margin: 0; height: 100%; } #canvas { height: 100vh; }</style>
</head><body>
<div id="canvas" data-testid="bpmn-canvas" data-state="importing"></div>
<script src="/dist/bpmn-navigated-viewer.production.min.js"></script>
<script>
(async () => {
  const xml = await (await fetch('/diagram.bpmn')).text();
  const viewer = new BpmnJS({ container: '#canvas' });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  document.getElementById('canvas').dataset.state = 'ready';
})().catch((error) => { document.getElementById('canvas').dataset.state = 'failed'; console.error(error); });
</script>
</body></html>`;
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.eot': 'application/vnd.ms-fontobject' };
  return createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (url.pathname === '/diagram.bpmn') return res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
    if (url.pathname.startsWith('/dist/')) {
      const file = path.join(BPMN_DIST, path.normalize(url.pathname.slice('/dist/'.length)));
      if (file.startsWith(BPMN_DIST) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
        return createReadStream(file).pipe(res);
      }
    }
    res.writeHead(404).end();
  });
}

/** Resolves with the page's own clock (ms since navigation start) when the diagram is fully there. */
async function timeToReady(context, url, elements) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (count) => {
        const canvas = document.querySelector('[data-testid="bpmn-canvas"][data-state="ready"]');
        if (!canvas) return false;
        const drawn = canvas.querySelectorAll('.djs-shape:not([data-element-id$="_label"]), .djs-connection').length;
        return drawn >= count ? { at: performance.now(), drawn } : false;
      },
      elements,
      { timeout: 60_000 },
    );
    return await handle.jsonValue();
  } finally {
    await page.close();
  }
}

const stack = await startBenchStack();
let server;
let browser;
try {
  const token = await loginToken(stack, 'admin');

  // The circuit, deployed through the engine (and so through the deployment policy).
  const key = `bench_render_${Date.now().toString(36)}`;
  const { xml, elementIds } = generateCircuit({ key, nodes: NODES });
  const form = new FormData();
  form.append('files', new Blob([xml]), `${key}.bpmn`);
  const deployed = await fetch(`${stack.engineUrl}/api/circuits`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const deployment = await deployed.json();
  if (deployed.status !== 201) throw new Error(`deployment refused: ${deployed.status} ${JSON.stringify(deployment)}`);
  const definitionId = deployment.circuits[0].id;

  server = baselineServer(xml);
  const baselinePort = await freePort();
  await new Promise((resolve) => server.listen(baselinePort, '127.0.0.1', resolve));

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const viewport = { width: 1280, height: 800 };
  const diwan = await browser.newContext({ viewport, locale: 'fr-FR' });
  const baseline = await browser.newContext({ viewport });
  {
    const page = await diwan.newPage();
    await page.goto(`${stack.engineUrl}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
    await page.close();
  }

  const runs = {
    diwan: () => timeToReady(diwan, `${stack.engineUrl}/circuits/${encodeURIComponent(definitionId)}`, elementIds.length),
    baseline: () => timeToReady(baseline, `http://127.0.0.1:${baselinePort}/`, elementIds.length),
  };
  // One warm-up each (HTTP cache, JIT), not counted; then rounds interleaved, the order alternating.
  const drawn = { diwan: (await runs.diwan()).drawn, baseline: (await runs.baseline()).drawn };
  const times = { diwan: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['diwan', 'baseline'] : ['baseline', 'diwan'];
    for (const name of order) times[name].push((await runs[name]()).at);
  }

  const fmt = (n) => n.toFixed(0);
  console.log(`\nOpen and render a ${elementIds.length}-element circuit (${ROUNDS} rounds each, interleaved; Chromium ${browser.version()})`);
  console.log(`  elements drawn: diwan ${drawn.diwan}, baseline ${drawn.baseline}`);
  for (const name of ['diwan', 'baseline']) {
    console.log(`  ${name.padEnd(8)} median ${fmt(percentile(times[name], 50))} ms, p95 ${fmt(percentile(times[name], 95))} ms   [${times[name].map(fmt).join(', ')}]`);
  }
  for (const p of [50, 95]) {
    console.log(`  ratio diwan/baseline p${p}: ${(percentile(times.diwan, p) / percentile(times.baseline, p)).toFixed(2)}`);
  }
} finally {
  await browser?.close();
  server?.close();
  await stack.stop();
}
