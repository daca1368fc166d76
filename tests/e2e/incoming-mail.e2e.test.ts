import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logIn } from '../harness/browser.js';
import { uniqueKey } from '../harness/stack.js';

/**
 * Two (three) browsers in Arabic: the registrar registers a letter; the cabinet's open inbox shows
 * the triage task without a reload; the cabinet triages it with the task's form; the head's open
 * inbox then shows the new task.
 */
describe('incoming mail across browsers, in Arabic', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'ar-TN' });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, username, 'ar');
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-tab-groups').click();
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('registers a letter, pushes it to the cabinet, and after triage to the head', async () => {
    // given the cabinet's and the head's inboxes are open, in Arabic
    const cabinet = await open('cabinet');
    const head = await open('head');
    expect(await cabinet.locator('html').getAttribute('dir')).toBe('rtl');

    // when the registrar registers a letter in Arabic
    const registrar = await (await browser.newContext({ locale: 'ar-TN' }).then((c) => (contexts.push(c), c))).newPage();
    await logIn(registrar, 'registrar', 'ar');
    await registrar.getByTestId('nav-new-mail').click();
    const subject = `طلب رخصة بناء بحي النصر ${uniqueKey('e2e')}`;
    await registrar.getByTestId('mail-subject').fill(subject);
    await registrar.getByTestId('mail-language').selectOption('ar');
    await registrar.getByTestId('mail-channel').selectOption('counter');
    await registrar.getByTestId('correspondent-search').fill('محمد بن علي');
    await registrar.getByTestId('correspondent-create').click();
    await registrar.getByTestId('correspondent-new-name').fill('محمد بن علي');
    const submittedAt = Date.now();
    await registrar.getByTestId('mail-submit').click();
    const chrono = (await registrar.getByTestId('receipt-chrono').textContent())?.trim();
    expect(chrono).toMatch(/^\d{4}\/A\/\d{6}$/);

    // then the cabinet's open inbox shows the triage task, without a reload
    const cabinetRow = cabinet.getByTestId('user-task-row').filter({ hasText: chrono! });
    await cabinetRow.waitFor({ timeout: 15_000 });
    console.log(`triage task in the cabinet's open inbox ${Date.now() - submittedAt} ms after the registrar clicked`);

    // when the cabinet triages it to urban planning with the task's form
    await cabinetRow.getByTestId('user-task-open').click();
    const form = cabinet.locator('[data-testid="task-form"][data-state="ready"]');
    await form.waitFor();
    const forAction = form.locator('.fjs-form-field-taglist').first();
    // (the picker lists the departments by their Arabic names: the cabinet's page is in Arabic)
    await forAction.locator('input').fill('التعمير');
    await forAction.locator('.fjs-dropdownlist-item', { hasText: 'مصلحة التعمير' }).first().click();
    await cabinet.getByTestId('task-form-submit').click();

    // then the head's open inbox shows the agent-assignment task for that mail
    await head.getByTestId('user-task-row').filter({ hasText: chrono! }).waitFor({ timeout: 15_000 });
    expect(await head.locator('html').getAttribute('dir')).toBe('rtl');
  });
});
