import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserTaskDto } from '@diwan/contracts';
import type { Browser, Page } from 'playwright-core';
import { root } from '../../scripts/build.mjs';
import { startStackOnFreePorts, type Stack } from '../../scripts/stack.mjs';
import { launchBrowser, logIn, requestsWhileIdle } from '../harness/browser.js';
import { call, loginAt } from '../scenarios/exchange.fixtures.js';
import { aMail } from '../scenarios/mail.fixtures.js';

/**
 * Every role walks every page its menu offers, a mail's page and its first step, in Arabic, as a
 * user would; each page is photographed (test-results/arabic-sweep) and read for what no user
 * should see: an internal id, an ISO date, a template's braces, a catalogue key instead of its text,
 * JSON, or a page error. On a stack of its own, so that the other files' mails (the API fuzz run's
 * random subjects among them) don't show in its pages.
 */
const OUT = path.join(root, 'test-results', 'arabic-sweep');
const ROLES = ['admin', 'registrar', 'cabinet', 'head', 'agent', 'president', 'supervisor'];

/** What a reader must never meet, each with the reason. */
const UNREADABLE: [RegExp, string][] = [
  [/\b[0-9a-f]{24}\b/, 'an internal id'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/, 'an internal id'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'an ISO date'],
  [/\{\{|\}\}/, "a template's braces"],
  [/[{[]\s*"[^"]+"\s*:|"\w+"\s*:\s*["{[]/, 'JSON'],
  // a catalogue key shown for its missing text: lower-case words joined by dots (not a file name or an address)
  [/(?<![\w@/.-])[a-z][a-zA-Z]+(\.[a-z][a-zA-Z]+)+(?![\w@/-]|\.(pdf|png|jpe?g|xml|bpmn|dmn)\b)/, 'a catalogue key'],
];

let browser: Browser;
let own: Stack;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [own, browser] = await Promise.all([
    startStackOnFreePorts({ dataDir: mkdtempSync(path.join(tmpdir(), 'diwan-sweep-')), memory: true, quiet: true, logDir: path.join(root, 'test-results', 'logs', 'arabic-sweep') }),
    launchBrowser(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await own?.stop();
}, 90_000);

/** The text a reader sees in the page's main part, with each of the unreadable things it holds. */
async function readPage(page: Page): Promise<string[]> {
  const text = (await page.locator('main').innerText()) + '\n' + (await page.locator('header').first().innerText().catch(() => ''));
  const found: string[] = [];
  for (const [pattern, what] of UNREADABLE) {
    const m = text.match(pattern);
    if (m) found.push(`${what}: «${text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30).replace(/\s+/g, ' ')}»`);
  }
  return found;
}

/** Waits until the page has settled: no request in flight for a moment, no loading state shown. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('[data-state="loading"], [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

describe('every page, every role, in Arabic', () => {
  it.each(ROLES)('%s reads every page of the menu, a mail and a step, in Arabic, with nothing unreadable', async (username) => {
    // a mail each role's pages may show (registered by the registrar, for the cabinet)
    const form = new FormData();
    form.set('mail', JSON.stringify(aMail({ subject: 'طلب رخصة بناء لمسكن فردي', language: 'ar' })));
    const registered = await fetch(`${own.engineUrl}/api/mails`, { method: 'POST', headers: { authorization: `Bearer ${await loginAt(own.engineUrl, 'registrar')}` }, body: form });
    expect(registered.status).toBe(201);
    const mail = (await registered.json()) as { id: string };

    const context = await browser.newContext({ locale: 'ar-TN', viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${username}: page error ${e.message}`));
    try {
      await logIn(page, username, 'ar', own.engineUrl);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const links = await page.locator('nav.app-nav a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      // and the first step of the person's inbox, as its task page shows it
      const tasks = (await call<UserTaskDto[]>(own.engineUrl, 'GET', '/api/user-tasks', { token: await loginAt(own.engineUrl, username) })).body;
      const pages = [...new Set(links), `/mails/${mail.id}`, ...(tasks.length ? [`/inbox/${tasks[0]!.id}`] : [])];
      for (const href of pages) {
        await page.goto(new URL(href, page.url()).toString());
        await page.locator('main').waitFor();
        if (href.startsWith('/inbox/')) await page.locator('[data-testid="task-form"][data-state="ready"]').waitFor();
        await settle(page);
        const name = href.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
        await page.screenshot({ path: path.join(OUT, `${username}-${name}.png`), fullPage: true });
        for (const found of await readPage(page)) problems.push(`${username} ${href}: ${found}`);
        // and, left alone, the page does not ask the engine the same thing again and again
        for (const loop of await requestsWhileIdle(page)) problems.push(`${username} ${href}: ${loop}`);
        expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      }
    } finally {
      await context.close();
    }
    expect(problems.filter((p) => p.startsWith(`${username} `) || p.startsWith(`${username}:`))).toEqual([]);
  }, 180_000);
});
