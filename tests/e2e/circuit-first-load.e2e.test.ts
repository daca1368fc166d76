/* global document, window, localStorage, MutationObserver */ // (the init script and evaluate callbacks run in the page)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, stack, waitFor } from '../harness/stack.js';

// Screenshots for people to look at (not compared).
const SCREENSHOTS = path.resolve('test-results/circuit-first-load');

/** What the page went through, recorded in the page from its very start (an init script). */
interface FirstLoad {
  /** When the diagram drawn before the app said ready: how many shapes, and whether the app had rendered yet. */
  drawnAhead: { shapes: number; appRendered: boolean } | null;
  /** The most canvases ever in the document at once. */
  mostCanvases: number;
}

async function recordFirstLoad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record: FirstLoad = { drawnAhead: null, mostCanvases: 0 };
    (window as unknown as { firstLoad: FirstLoad }).firstLoad = record;
    new MutationObserver(() => {
      record.mostCanvases = Math.max(record.mostCanvases, document.querySelectorAll('[data-testid="bpmn-canvas"]').length);
      const ahead = document.querySelector('.bpmn-canvas--ahead[data-state="ready"]');
      if (ahead && !record.drawnAhead) {
        record.drawnAhead = { shapes: ahead.querySelectorAll('.djs-shape').length, appRendered: (document.getElementById('root')?.childElementCount ?? 0) > 0 };
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/** Holds the app's own code back (its chunk, app.start-*.js) until the returned function is called. */
async function holdTheApp(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/app\.start-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const firstLoadOf = (page: Page) => page.evaluate(() => (window as unknown as { firstLoad: FirstLoad }).firstLoad);

describe('a circuit opened from a link (a first load of its page)', () => {
  let browser: Browser;
  let circuitPath: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    const circuits = (await api<{ id: string; key: string }[]>('GET', '/api/circuits', { token: (await login('admin')).token })).body;
    circuitPath = `/circuits/${encodeURIComponent(circuits.find((c) => c.key === 'incoming-mail')!.id)}`;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is drawn before the app, then the page takes the drawing over, in Arabic', async () => {
    // given a signed-in admin, reading in Arabic
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, 'admin', 'ar');
    await recordFirstLoad(page);
    const xmlRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/xml')) xmlRequests.push(request.url());
    });

    // when the circuit's address is opened directly
    await page.goto(`${stack.engineUrl}${circuitPath}`);
    const canvas = page.locator('main [data-testid="bpmn-canvas"][data-state="ready"]');
    await canvas.locator('.djs-element[data-element-id="triage"]').waitFor();

    // then the diagram was drawn before the app's first render, and the page took it over: one canvas
    // at any moment, none left outside the page, the diagram fetched once
    const seen = await firstLoadOf(page);
    expect(seen.drawnAhead).toEqual({ shapes: expect.any(Number), appRendered: false });
    expect(seen.drawnAhead!.shapes).toBeGreaterThan(5);
    expect(seen.mostCanvases).toBe(1);
    expect(await page.locator('.bpmn-canvas--ahead').count()).toBe(0);
    expect(xmlRequests).toHaveLength(1);
    // and it is the page's own canvas now, named in the reader's language, with the whole diagram
    expect(await page.getByTestId('bpmn-canvas').count()).toBe(1);
    expect(await canvas.getAttribute('aria-label')).toMatch(/[\u0600-\u06FF]/);
    expect(await canvas.locator('.djs-shape').count()).toBe(seen.drawnAhead!.shapes);

    // and the diagram still pans and zooms, and the page's fit button fits it again
    const viewport = canvas.locator('.viewport');
    const transformOtherThan = (before: string | null) => waitFor('the diagram to move', async () => {
      const now = await viewport.getAttribute('transform');
      return now !== before && now;
    }, 5_000);
    const fitted = await viewport.getAttribute('transform');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    const zoomed = await transformOtherThan(fitted);
    await page.getByRole('button', { name: 'ملاءمة العرض' }).click();
    await transformOtherThan(zoomed);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taken-over-ar.png') });

    // and a later visit within the app draws it as any page does
    await page.getByTestId('nav-circuits').click();
    await page.locator('[data-testid="circuit-link"][data-circuit-id^="incoming-mail:"]').click();
    await canvas.locator('.djs-element[data-element-id="triage"]').waitFor();
    expect(await page.getByTestId('bpmn-canvas').count()).toBe(1);
    await page.close();
  });

  it('keeps the view of a reader who panned or zoomed before the app arrived', async () => {
    // given the app's own code held back (its chunk, app.start-*.js), so that the reader meets the
    // diagram drawn ahead on its own
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, 'admin', 'fr');
    const release = await holdTheApp(page);
    await page.goto(`${stack.engineUrl}${circuitPath}`, { waitUntil: 'commit' });
    const ahead = page.locator('.bpmn-canvas--ahead[data-state="ready"]');
    await ahead.waitFor();
    expect(await page.locator('#root > *').count()).toBe(0);

    // when the reader zooms in on it
    const fitted = await ahead.locator('.viewport').getAttribute('transform');
    const box = (await ahead.boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    const zoomed = await waitFor('the zoom', async () => {
      const now = await ahead.locator('.viewport').getAttribute('transform');
      return now !== fitted && now;
    }, 5_000);

    // then, once the app is there, the page shows the diagram as the reader left it
    release();
    const canvas = page.locator('main [data-testid="bpmn-canvas"][data-state="ready"]');
    await canvas.waitFor();
    expect(await canvas.locator('.viewport').getAttribute('transform')).toBe(zoomed);
    await page.close();
  });

  it('draws it where the page shows it, down to the bottom of the window, in French (the header wraps)', async () => {
    // given a signed-in admin reading in French, whose header takes more lines than the Arabic one
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, 'admin', 'fr');
    const canvas = page.locator('main [data-testid="bpmn-canvas"][data-state="ready"]');
    const placeOf = async (selector: string) => page.locator(selector).evaluate((el) => {
      const { top, bottom } = el.getBoundingClientRect();
      return { top: Math.round(top), bottom: Math.round(bottom) };
    });

    // when the circuit is opened: the whole diagram is in the window, the page doesn't scroll
    await page.goto(`${stack.engineUrl}${circuitPath}`);
    await canvas.waitFor();
    const onPage = await placeOf('main [data-testid="bpmn-canvas"]');
    expect(onPage.bottom).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fitted-fr.png') });

    // and when it is opened again from a link, with the app's own code held back, the diagram drawn
    // ahead is already where the page's canvas will be
    const release = await holdTheApp(page);
    await page.goto(`${stack.engineUrl}${circuitPath}`, { waitUntil: 'commit' });
    await page.locator('.bpmn-canvas--ahead[data-state="ready"]').waitFor();
    expect(await placeOf('.bpmn-canvas--ahead')).toEqual(onPage);
    release();
    await canvas.waitFor();
    expect(await placeOf('main [data-testid="bpmn-canvas"]')).toEqual(onPage);
    await page.close();
  });

  it('draws nothing over the sign-in page when the session is gone or refused', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await recordFirstLoad(page);

    // signed out: the sign-in page, nothing drawn
    await page.goto(`${stack.engineUrl}${circuitPath}`);
    await page.getByTestId('login-username').waitFor();
    expect((await firstLoadOf(page)).drawnAhead).toBeNull();
    expect(await page.getByTestId('bpmn-canvas').count()).toBe(0);

    // a stored session the engine refuses (a revoked token): the same, and the session is dropped
    await page.evaluate(() =>
      localStorage.setItem(
        'diwan.session',
        JSON.stringify({ token: 'revoked', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { username: 'admin', displayName: 'Admin', roles: ['admin'], departments: [], language: 'ar' } }),
      ),
    );
    await page.goto(`${stack.engineUrl}${circuitPath}`);
    await page.getByTestId('login-username').waitFor();
    expect((await firstLoadOf(page)).drawnAhead).toBeNull();
    expect(await page.getByTestId('bpmn-canvas').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('diwan.session'))).toBeNull();
    await page.close();
  });
});
