import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logIn } from '../harness/browser.js';
import { uniqueKey } from '../harness/stack.js';

// Screenshots in Arabic for people to look at (not compared).
const SCREENSHOTS = path.resolve('test-results/mail-types-timeline');
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What readers must never see: JSON, ISO dates, internal ids, usernames of the demo users. */
function expectPlainLanguage(text: string): void {
  expect(text).not.toMatch(/[{}[\]]|":/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}(T|\b)/);
  expect(text).not.toMatch(/[0-9a-f]{24}|#multiInstanceBody|taskDefinitionKey|userTask\.|mail\.registered/);
  expect(text).not.toMatch(/\b(registrar|cabinet|head|agent|admin|workers?|system)\b/);
}

/**
 * In Arabic, end to end: the admin creates a mail type on its page (a bad code is refused next to
 * the field, in Arabic); the registrar registers a mail of that type; the cabinet triages it with
 * the task's form (form-js speaking Arabic); the head sees the triage's results above its form;
 * the mail page tells the history in sentences, with the type's label and the current step's name.
 */
describe('mail types, task forms and the timeline, in Arabic', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'ar-TN', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, username, 'ar');
    return page;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('runs a mail of a new type through triage, with forms and history in Arabic', async () => {
    const code = uniqueKey('permit').toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40);
    const label = `رخصة بناء ${code.slice(-6)}`;

    // given the admin on the mail types page, in Arabic
    const admin = await open('admin');
    await admin.getByTestId('nav-mail-types').click();
    await admin.getByTestId('mail-types-table').waitFor();
    await admin.getByTestId('mail-type-new').click();
    // when a code the engine refuses is saved, then its Arabic error shows next to the code field
    await admin.getByTestId('mail-type-code').fill('Bad Code');
    await admin.getByTestId('mail-type-labelAr').fill(label);
    await admin.getByTestId('mail-type-labelFr').fill('Permis de bâtir');
    await admin.getByTestId('mail-type-labelEn').fill('Building permit');
    await admin.getByTestId('mail-type-direction').selectOption('incoming');
    await admin.getByTestId('mail-type-dueDays').fill('10');
    await admin.getByTestId('mail-type-circuit').selectOption('incoming-mail');
    await admin.getByTestId('mail-type-save').click();
    const codeField = admin.locator('.field', { has: admin.getByTestId('mail-type-code') });
    await expect(codeField.locator('.field__error').textContent()).resolves.toContain('حرفًا لاتينيًا');
    await screenshot(admin, 'mail-type-refused-ar');
    // when the code is fixed, then the type is listed with its Arabic label and circuit
    await admin.getByTestId('mail-type-code').fill(code);
    await admin.getByTestId('mail-type-save').click();
    const row = admin.locator(`[data-testid="mail-type-row"][data-code="${code}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(label);
    expect(await row.textContent()).toContain('وارد');
    await screenshot(admin, 'mail-types-ar');

    // when the registrar registers a mail of that type
    const registrar = await open('registrar');
    await registrar.getByTestId('nav-new-mail').click();
    await registrar.getByTestId('mail-subject').fill(`طلب رخصة بناء ${code}`);
    await registrar.getByTestId('mail-language').selectOption('ar');
    await registrar.getByTestId('mail-channel').selectOption('counter');
    await registrar.locator(`[data-testid="mail-type"] option[value="${code}"]`).waitFor({ state: 'attached' });
    expect(await registrar.locator(`[data-testid="mail-type"] option[value="${code}"]`).textContent()).toBe(label);
    await registrar.getByTestId('mail-type').selectOption(code);
    await screenshot(registrar, 'mail-form-ar');
    await registrar.getByTestId('correspondent-search').fill('سنية العياري');
    await registrar.getByTestId('correspondent-create').click();
    await registrar.getByTestId('correspondent-new-name').fill('سنية العياري');
    await registrar.getByTestId('mail-submit').click();
    const chrono = (await registrar.getByTestId('receipt-chrono').textContent())!.trim();
    const mailUrl = registrar.url().replace(/\/receipt$/, '');

    // then the cabinet's triage form speaks Arabic, form-js's own words included
    const cabinet = await open('cabinet');
    await cabinet.getByTestId('nav-inbox').click();
    await cabinet.getByTestId('inbox-tab-groups').click();
    const cabinetRow = cabinet.getByTestId('user-task-row').filter({ hasText: chrono });
    await cabinetRow.waitFor({ timeout: 20_000 });
    expect(await cabinetRow.locator('[data-priority]').textContent()).toBe('عادية');
    await cabinetRow.getByTestId('user-task-open').click();
    const triageForm = cabinet.locator('[data-testid="task-form"][data-state="ready"]');
    await triageForm.locator('.fjs-form-field').first().waitFor();
    expect(await triageForm.textContent()).toContain('المصالح للإنجاز');
    expect(await triageForm.locator('.fjs-form-field-taglist input').first().getAttribute('placeholder')).toBe('بحث');
    await cabinet.getByTestId('task-form-submit').click();
    await expect(triageForm.locator('.fjs-form-field-error').first().textContent()).resolves.toBe('هذا الحقل إجباري.');
    await screenshot(cabinet, 'triage-form-ar');
    // when the cabinet sends it to urban planning
    const forAction = triageForm.locator('.fjs-form-field-taglist').first();
    await forAction.locator('input').fill('التعمير');
    await forAction.locator('.fjs-dropdownlist-item').first().click();
    await cabinet.getByTestId('task-form-submit').click();
    await cabinet.waitForURL(/\/inbox$/);

    // then the head's task shows what the triage gave, above the form, in Arabic
    const head = await open('head');
    await head.getByTestId('nav-inbox').click();
    await head.getByTestId('inbox-tab-groups').click();
    const headRow = head.getByTestId('user-task-row').filter({ hasText: chrono });
    await headRow.waitFor({ timeout: 20_000 });
    await headRow.getByTestId('user-task-open').click();
    const earlier = head.getByTestId('earlier-result').first();
    await earlier.waitFor();
    const earlierText = (await earlier.textContent())!;
    expect(earlierText).toContain('كريم الطرابلسي');
    expect(earlierText).toContain('مصلحة التعمير');
    expectPlainLanguage(earlierText);
    await head.locator('[data-testid="task-form"][data-state="ready"] .fjs-form-field').first().waitFor();
    await screenshot(head, 'task-form-ar');

    // when the registrar opens the mail page
    await registrar.goto(mailUrl);
    await registrar.getByTestId('mail-page').waitFor();
    const timeline = registrar.getByTestId('mail-timeline');
    await timeline.getByTestId('timeline-entry').filter({ hasText: 'كريم الطرابلسي' }).first().waitFor({ timeout: 20_000 });
    // then the history reads as sentences: names, not usernames; no JSON, no ISO dates, no ids
    const sentences = await timeline.getByTestId('timeline-sentence').allTextContents();
    expect(sentences.some((s) => s.includes('أمينة بن صالح') && s.includes(chrono))).toBe(true);
    expect(sentences.some((s) => s.includes('كريم الطرابلسي') && s.includes('أنجز'))).toBe(true);
    expectPlainLanguage((await timeline.textContent())!.replaceAll(chrono, ''));
    // and the type shows by its label, the current step by its name
    expect(await registrar.getByTestId('mail-type-label').textContent()).toBe(label);
    const current = registrar.getByTestId('mail-current-step');
    await current.waitFor();
    expect(await current.textContent()).toMatch(/[\u0600-\u06FF]{3,}/);
    expect(await current.textContent()).not.toMatch(/#|_/);
    await registrar.locator('[data-testid="mail-diagram"] svg').first().waitFor();
    await screenshot(registrar, 'mail-page-ar');
  });
});
