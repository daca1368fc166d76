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
/** A page whose CSP violations (any page it goes to) and CSP console errors land in `violations`. */
async function watchedPage(browser: Browser, violations: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.exposeBinding('__cspViolation', (_source, text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
      report(`${location.pathname}: ${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
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
      (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mail.body.id}`, { token: cabinet })).body.find((t) => t.taskDefinitionKey === 'triage'), 60_000,
    );

    // when an admin goes through the app: login and inbox (live connection), registry, a new mail,
    // mail types, circuits, a diagram (bpmn-js viewer), the modeler (bpmn-js modeler, properties panel)
    const page = await watchedPage(browser, violations);
    await logIn(page, 'admin', 'fr');
    for (const path of ['/registry', '/mails/new', '/admin/mail-types', '/circuits']) {
      await page.goto(`${stack.engineUrl}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${stack.engineUrl}/circuits/${encodeURIComponent(incoming.id)}`);
    await page.locator('.djs-container svg').first().waitFor();
    await page.goto(`${stack.engineUrl}/circuits/drafts/${draft.body._id}`);
    await page.getByTestId('modeler-page').waitFor();
    await page.locator('.djs-container svg').first().waitFor();
    await page.waitForLoadState('networkidle');

    // and the cabinet opens the triage form (form-js), in Arabic
    const cabinetPage = await watchedPage(browser, violations);
    await logIn(cabinetPage, 'cabinet', 'ar');
    await cabinetPage.goto(`${stack.engineUrl}/inbox/${encodeURIComponent(triage.id)}`);
    await cabinetPage.locator('.fjs-container').first().waitFor();
    await cabinetPage.waitForLoadState('networkidle');

    // then nothing was blocked (no inline script, no eval, nothing from elsewhere)
    expect(violations).toEqual([]);

    // and an injected inline script does not run, and is reported
    const ran = await cabinetPage.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 200));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.some((v) => v.includes('script-src'))).toBe(true);
    await page.close();
    await cabinetPage.close();
  }, 180_000);
});

describe('signing out of the designer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('revokes the token on the engine', async () => {
    // given a user signed in in the browser
    const page = await browser.newPage();
    await logIn(page, 'agent', 'fr');
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('diwan.session') ?? '{}') as { token?: string }).token);
    expect((await api('GET', '/api/auth/me', { token })).status).toBe(200);
    // when they sign out
    await page.getByTestId('logout-button').click();
    await page.waitForURL(/\/login/);
    // then the token they had is refused by the engine
    expect((await api('GET', '/api/auth/me', { token })).status).toBe(401);
    await page.close();
  }, 60_000);
});
