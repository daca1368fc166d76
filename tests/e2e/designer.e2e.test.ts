import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser.js';
import { api, DEMO_PASSWORD, login, stack, uniqueKey } from '../harness/stack.js';

async function logIn(page: Page, username: string, language: 'ar' | 'fr' | 'en') {
  await page.goto(`${stack.engineUrl}/login`);
  await page.getByTestId('language-switch').selectOption(language);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('connection-status').and(page.locator('[data-state="connected"]')).waitFor();
}

describe('the designer in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches the whole page to Arabic, right to left, and back', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.engineUrl}/login`);
    await page.getByTestId('language-switch').selectOption('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.getByTestId('language-switch').selectOption('fr');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.close();
  });

  it('tells the user when the password is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.engineUrl}/login`);
    await page.getByTestId('login-username').fill('cabinet');
    await page.getByTestId('login-password').fill('wrong');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toBeTruthy();
    expect(page.url()).toMatch(/\/login$/);
    await page.close();
  });

  it('opens a deployed circuit in bpmn-js', async () => {
    const page = await browser.newPage();
    await logIn(page, 'admin', 'fr');
    await page.getByTestId('nav-circuits').click();
    await page.locator('[data-testid="circuit-link"][data-circuit-id^="incoming-mail:"]').click();
    await page.locator('[data-testid="bpmn-canvas"] .djs-element[data-element-id="triage"]').waitFor();
    expect(await page.locator('[data-testid="bpmn-canvas"] .djs-element').count()).toBeGreaterThan(5);
    await page.close();
  });

  it("shows a new task in the cabinet's open inbox, in Arabic, without a reload", async () => {
    // given the cabinet's inbox is open in Arabic
    const page = await browser.newPage();
    await logIn(page, 'cabinet', 'ar');
    await page.getByTestId('nav-inbox').click();
    const rows = page.getByTestId('user-task-row');
    const before = await rows.count();

    // when the registrar starts a circuit
    const businessKey = uniqueKey('mail');
    const registrar = await login('registrar');
    await api('POST', '/api/circuits/incoming-mail/instances', { token: registrar.token, body: { businessKey } });

    // then the row appears live, and completing it removes it
    const row = rows.filter({ hasText: businessKey });
    await row.waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(before + 1);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await row.getByTestId('complete-button').click();
    await row.waitFor({ state: 'detached' });
    await page.close();
  });
});
