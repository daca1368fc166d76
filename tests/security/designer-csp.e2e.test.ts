import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { UserTaskDto } from '@diwan/contracts';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';

/**
 * Issue 8, item 12: the built designer works under the engine's CSP (no inline script, no eval):
 * its pages, bpmn-js (viewer and modeler) and form-js render, the live connection comes up, and
 * the browser reports no violation; while a script injected into the page is blocked.
 */
async function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

async function newWatchedPage(browser: Browser, console: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return page;
}

describe('the built designer under the CSP', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders its pages, diagrams and forms with no CSP violation, and blocks an injected script', async () => {
    const consoleViolations: string[] = [];
    const violations: string[] = [];

    // given a circuit, a draft and a triage task to look at
    const admin = (await login('admin')).token;
    const registrar = (await login('registrar')).token;
    const cabinet = (await login('cabinet')).token;
    const circuits = (await api<{ id: string; key: string }[]>('GET', '/api/circuits', { token: admin })).body;
    const incoming = circuits.find((c) => c.key === 'incoming-mail')!;
    const draft = await api<{ _id: string }>('POST', '/api/circuit-drafts', { token: admin, body: { name: `CSP ${uniqueKey('d')}` } });
    expect(draft.status).toBe(201);
    const mail = await registerMail(registrar, aMail());
    const triage = await waitFor('the triage task', async () =>
      (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mail.body.id}`, { token: cabinet })).body.find((t) => t.taskDefinitionKey === 'triage'),
    );

    // when an admin goes through the app: inbox (live connection), registry, circuits, a diagram, the modeler
    const page = await newWatchedPage(browser, consoleViolations);
    await logIn(page, 'admin', 'fr');
    await page.goto(`${stack.engineUrl}/registry`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${stack.engineUrl}/circuits/${encodeURIComponent(incoming.id)}`);
    await page.locator('.djs-container svg').first().waitFor();
    await page.goto(`${stack.engineUrl}/circuits/drafts/${draft.body._id}`);
    await page.getByTestId('modeler-page').waitFor();
    await page.locator('.djs-container svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    violations.push(...(await violationsOf(page)));

    // and the cabinet opens the triage form (form-js)
    const cabinetPage = await newWatchedPage(browser, consoleViolations);
    await logIn(cabinetPage, 'cabinet', 'ar');
    await cabinetPage.goto(`${stack.engineUrl}/inbox/${encodeURIComponent(triage.id)}`);
    await cabinetPage.locator('.fjs-container').first().waitFor();
    await cabinetPage.waitForLoadState('networkidle');
    violations.push(...(await violationsOf(cabinetPage)));

    // then nothing was blocked
    expect(violations).toEqual([]);
    expect(consoleViolations).toEqual([]);

    // and an injected inline script does not run
    const ran = await cabinetPage.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect((await violationsOf(cabinetPage)).some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
    await cabinetPage.close();
  }, 180_000);
});
