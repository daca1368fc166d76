/* global document, window, location */ // (the waitForFunction and evaluate callbacks run in the page)
// `npm run bench:designer`: time to open and render a 300-element circuit in the designer, next to
// a plain bpmn-js page opening the same file, in the same run, rounds interleaved, printed as a
// ratio (the machines are noisy, absolute figures are not). No assertion on the timings.
//
// Diwan: navigation to /circuits/<id> (signed in as admin) until the canvas says ready and all 300
// elements are in the DOM: the entry, GET /api/circuits/:id/xml through the engine, bpmn-js (lazy
// chunk) import and fit. On such a first load the diagram is drawn before the app (React, the
// router, the signed-in shell: features/circuits/circuit-ahead.ts); the time until the page has
// taken it over, inside its shell, is printed too (not in the ratio).
// Baseline: a static page from a tiny local server that loads bpmn-js's distributed bundle
// (bpmn-navigated-viewer.production.min.js) with its CSS, fetches the same XML and imports it.
// Both are timed in the page (performance.now(), from navigation start), in Debian's Chromium.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright-core';
import { root } from '../../scripts/build.mjs';
import { freePort } from '../../scripts/stack.mjs';
import { DEMO_PASSWORD, loginToken, startBenchStack } from './bench-stack.mjs';
import { generateCircuit } from './circuit.fixture.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 20);
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

/**
 * BENCH_DIAG=1 (diagnostics only, after the timed rounds, not counted): one more page load of each
 * side with a CPU profile (CDP Profiler), printing where the time went: resource timing, long
 * tasks, self time per script and the heaviest functions.
 */
async function diagnose(context, url, elements, label) {
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    // The profile's clock is the browser's monotonic one: a request seen both by CDP and by the
    // page's resource timing ties it to the page's clock.
    const requested = new Map();
    cdp.on('Network.requestWillBeSent', ({ request, timestamp }) => requested.set(request.url, timestamp * 1000));
    await cdp.send('Network.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const { at } = await timeToReadyOn(page, url, elements);
    const { profile } = await cdp.send('Profiler.stop');
    const report = await page.evaluate(() => ({
      resources: performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize, r.name]),
      nav: (({ responseEnd, domInteractive, domContentLoadedEventEnd }) => ({ responseEnd, domInteractive, domContentLoadedEventEnd }))(performance.getEntriesByType('navigation')[0]),
      marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
      longTasks: window.__longTasks,
    }));
    const self = new Map();
    const fns = new Map();
    const buckets = new Map(); // 25 ms slices of the page's clock: the scripts that ran in each
    const sliceFns = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    const anchor = report.resources.find((r) => requested.has(r[4]));
    const offset = anchor ? requested.get(anchor[4]) - anchor[1] : 0; // monotonic ms at the page's 0
    let clock = profile.startTime / 1000 - offset;
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      clock += dt[i] / 1000;
      const ms = (dt[i + 1] ?? 0) / 1000;
      const file = (node.callFrame.url || `(${node.callFrame.functionName || 'program'})`).replace(/^https?:\/\/[^/]+/, '');
      self.set(file, (self.get(file) ?? 0) + ms);
      const fn = `${node.callFrame.functionName || '(anonymous)'} ${sourceOf(file, node.callFrame)}`;
      fns.set(fn, (fns.get(fn) ?? 0) + ms);
      const slice = Math.floor(clock / 25) * 25;
      if (!buckets.has(slice)) buckets.set(slice, new Map());
      buckets.get(slice).set(file, (buckets.get(slice).get(file) ?? 0) + ms);
      if (!sliceFns.has(slice)) sliceFns.set(slice, new Map());
      sliceFns.get(slice).set(fn, (sliceFns.get(slice).get(fn) ?? 0) + ms);
    });
    const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `    ${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
    console.log(`\n[diag] ${label}: ready at ${at.toFixed(0)} ms; html ${report.nav.responseEnd.toFixed(0)}, domInteractive ${report.nav.domInteractive.toFixed(0)}, DCL ${report.nav.domContentLoadedEventEnd.toFixed(0)}`);
    console.log('  resources (start → end ms, bytes):');
    for (const [name, start, end, size] of report.resources) console.log(`    ${String(start).padStart(5)} → ${String(end).padStart(5)}  ${String(size).padStart(7)}  ${name}`);
    if (report.marks.length) console.log(`  marks: ${report.marks.map(([n, t]) => `${n}@${t}`).join(', ')}`);
    console.log(`  long tasks [start, ms]: ${JSON.stringify(report.longTasks)}`);
    console.log('  timeline (25 ms slices, page clock; scripts with ≥ 3 ms in the slice):');
    for (const [slice, files] of [...buckets].sort((a, b) => a[0] - b[0])) {
      if (slice < 0 || slice > at + 25) continue;
      const busy = [...files].filter(([f, v]) => v >= 3 && f !== '((idle))').sort((a, b) => b[1] - a[1]);
      if (busy.length) console.log(`    ${String(slice).padStart(5)}  ${busy.map(([f, v]) => `${f.replace('/assets/', '')} ${v.toFixed(0)}`).join(', ')}`);
      const heavy = [...sliceFns.get(slice)].filter(([f, v]) => v >= 2 && !f.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 3);
      if (heavy.length) console.log(`           ${heavy.map(([f, v]) => `${f} ${v.toFixed(0)}`).join(' | ')}`);
    }
    console.log(`  CPU self time per script:\n${top(self, 12)}`);
    console.log(`  heaviest functions (self):\n${top(fns, 15)}`);
  } finally {
    await page.close();
  }
}

/** A profiled frame of the built designer, named by its source (designer/dist/assets/*.map). */
const traceMaps = new Map();
function sourceOf(file, { lineNumber, columnNumber }) {
  const map = path.join(root, 'designer/dist', `${file}.map`);
  if (!file.startsWith('/assets/') || !existsSync(map)) return `${file}:${lineNumber}:${columnNumber}`;
  if (!traceMaps.has(map)) traceMaps.set(map, new TraceMap(readFileSync(map, 'utf8')));
  const original = originalPositionFor(traceMaps.get(map), { line: lineNumber + 1, column: columnNumber });
  return original.source ? `${original.source.replace(/^(\.\.\/)+(node_modules\/)?/, '')}:${original.line}` : `${file}:${lineNumber}:${columnNumber}`;
}

/**
 * Resolves with the page's own clock (ms since navigation start) when the diagram is fully there,
 * and with `pageAt` when `pageSelector` (the page around it) is there too.
 */
async function timeToReady(context, url, elements, pageSelector) {
  const page = await context.newPage();
  try {
    const ready = await timeToReadyOn(page, url, elements);
    if (!pageSelector) return ready;
    const handle = await page.waitForFunction((selector) => document.querySelector(selector) && performance.now(), pageSelector, { timeout: 60_000 });
    return { ...ready, pageAt: await handle.jsonValue() };
  } finally {
    await page.close();
  }
}

async function timeToReadyOn(page, url, elements) {
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
    diwan: () => timeToReady(diwan, `${stack.engineUrl}/circuits/${encodeURIComponent(definitionId)}`, elementIds.length, 'main [data-testid="bpmn-canvas"][data-state="ready"]'),
    baseline: () => timeToReady(baseline, `http://127.0.0.1:${baselinePort}/`, elementIds.length),
  };
  // One warm-up each (HTTP cache, JIT), not counted; then rounds interleaved, the order alternating.
  const drawn = { diwan: (await runs.diwan()).drawn, baseline: (await runs.baseline()).drawn };
  const times = { diwan: [], baseline: [] };
  const diwanPage = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['diwan', 'baseline'] : ['baseline', 'diwan'];
    for (const name of order) {
      const { at, pageAt } = await runs[name]();
      times[name].push(at);
      if (pageAt !== undefined) diwanPage.push(pageAt);
    }
  }

  const fmt = (n) => n.toFixed(0);
  console.log(`\nOpen and render a ${elementIds.length}-element circuit (${ROUNDS} rounds each, interleaved; Chromium ${browser.version()})`);
  console.log(`  elements drawn: diwan ${drawn.diwan}, baseline ${drawn.baseline}`);
  for (const name of ['diwan', 'baseline']) {
    console.log(`  ${name.padEnd(8)} median ${fmt(percentile(times[name], 50))} ms, p95 ${fmt(percentile(times[name], 95))} ms   [${times[name].map(fmt).join(', ')}]`);
  }
  console.log(`  diwan's page around it (header, navigation, the page's own canvas): median ${fmt(percentile(diwanPage, 50))} ms, p95 ${fmt(percentile(diwanPage, 95))} ms`);
  for (const p of [50, 95]) {
    console.log(`  ratio diwan/baseline p${p}: ${(percentile(times.diwan, p) / percentile(times.baseline, p)).toFixed(2)}`);
  }
  if (process.env.BENCH_DIAG) {
    await diagnose(diwan, `${stack.engineUrl}/circuits/${encodeURIComponent(definitionId)}`, elementIds.length, 'diwan');
    await diagnose(baseline, `http://127.0.0.1:${baselinePort}/`, elementIds.length, 'baseline');
  }
} finally {
  await browser?.close();
  server?.close();
  await stack.stop();
}
