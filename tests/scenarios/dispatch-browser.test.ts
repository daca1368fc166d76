import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { MailDispatchDto } from '@diwan/contracts';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, stack } from '../harness/stack.js';
import { anOutgoingMailWithLetter } from './dispatch.fixtures.js';

// Screenshots of the mail page's dispatch panel, in Arabic, for people to look at.
const SCREENSHOTS = path.resolve('test-results/dispatch');

describe('the dispatch on the mail page, in Arabic', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows that the mail waits for the post, opens the slip, and lets the registry clerk confirm the posting', async () => {
    // given an outgoing mail that the workers put aside for the post
    const registrar = (await login('registrar')).token;
    const mail = await anOutgoingMailWithLetter(registrar);
    const recorded = await api<MailDispatchDto>('POST', `/api/internal/mails/${mail.id}/dispatch/record`, {
      headers: { authorization: `Bearer ${stack.workerToken}` },
      body: { means: 'post', state: 'awaiting_post', recipient: 'شركة النور للبناء، 12 نهج الحرية، صفاقس 3000', reference: null },
    });
    expect(recorded.status).toBe(200);

    // when the registrar opens the mail page in Arabic
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, 'registrar', 'ar');
    await page.goto(`${stack.engineUrl}/mails/${mail.id}`);
    const panel = page.getByTestId('mail-dispatch');
    await panel.locator('[data-testid="mail-dispatch-status"]').waitFor();

    // then the panel says it waits for the post, in Arabic, right to left
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(panel.getAttribute('data-state')).resolves.toBe('awaiting_post');
    expect(await panel.textContent()).toContain('جاهزة للإرسال بالبريد');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await panel.screenshot({ path: path.join(SCREENSHOTS, 'panel-awaiting-post-ar.png') });

    // and the slip opens as a PDF in a new tab
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('dispatch-slip').click()]);
    await tab.waitForURL(/^blob:/, { timeout: 15_000 });
    await tab.close();

    // when the registrar confirms the posting with the registered-post number
    await page.getByTestId('dispatch-reference').fill('RR 1234 5678 TN');
    await page.getByTestId('dispatch-confirm').click();

    // then the panel shows it posted
    await page.locator('[data-testid="mail-dispatch"][data-state="posted"]').waitFor();
    expect(await panel.textContent()).toContain('RR 1234 5678 TN');
    await panel.screenshot({ path: path.join(SCREENSHOTS, 'panel-posted-ar.png') });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mail-page-ar.png'), fullPage: true });
  });
});
