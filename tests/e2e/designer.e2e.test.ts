import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, switchLanguage } from '../harness/browser.js';
import { runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';

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
    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await switchLanguage(page, 'fr');
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

  it('tells a user who failed too often how long to wait, in Arabic, in words and units', async () => {
    // given a user name that has failed 6 times from this browser (the engine then makes it wait)
    const page = await browser.newPage();
    await page.goto(`${stack.engineUrl}/login`);
    await switchLanguage(page, 'ar');
    await page.getByTestId('login-username').fill(uniqueKey('ghost'));
    const error = page.getByTestId('login-error');
    const refused = () => page.waitForResponse((res) => res.url().endsWith('/api/auth/login'));
    for (let i = 0; i < 6; i++) {
      await page.getByTestId('login-password').fill('wrong');
      const answer = refused();
      await page.getByTestId('login-submit').click();
      expect((await answer).status()).toBe(401);
    }

    // when it tries again at once
    await page.getByTestId('login-password').fill('wrong');
    const answer = refused();
    await page.getByTestId('login-submit').click();
    expect((await answer).status()).toBe(429);

    // then it reads the wait as a duration in Arabic (not a bare number of seconds, nor a code)
    await waitFor('the wait', async () => ((await error.textContent()) ?? '').includes('كثيرة'));
    expect(await error.textContent()).toMatch(/^محاولات دخول فاشلة كثيرة\. أعد المحاولة بعد \d+ ث\.$/);
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

  it("shows a task the runtime creates in the cabinet's open group inbox, without a reload", async () => {
    // given the cabinet's group inbox is open
    const page = await browser.newPage();
    await logIn(page, 'cabinet', 'fr');
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-tab-groups').click();
    const rows = page.getByTestId('user-task-row');

    // when a circuit is started behind the page's back
    const businessKey = uniqueKey('mail');
    await runtimeApi('POST', '/process-definition/key/incoming-mail/start', { businessKey });

    // then its triage task appears live
    await rows.filter({ hasText: businessKey }).waitFor({ timeout: 15_000 });
    await page.close();
  });
});
