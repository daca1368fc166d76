import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { MailDto } from '@diwan/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, requestsWhileIdle } from '../harness/browser.js';
import { api, login, stack } from '../harness/stack.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';

// Screenshots in Arabic for people to look at (not compared).
const SHOTS = path.resolve('test-results/letter-editor');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/**
 * In Arabic: the agent opens the letter of a reply from the mail page, starts from the Arabic
 * reply template (its merge fields shown as chips), types the answer, saves two versions, compares
 * them (insertions highlighted) and sees the PDF the engine rendered in the preview frame.
 */
describe('the letter editor, in Arabic', () => {
  let browser: Browser;
  let draft: MailDto;
  let incoming: MailDto;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const registrar = (await login('registrar')).token;
    const agent = (await login('agent')).token;
    incoming = (await registerMail(registrar, aMail({ language: 'ar', letterDate: '2026-03-02' }))).body;
    draft = (await api<MailDto>('POST', '/api/mails/drafts', { token: agent, body: { subject: 'جواب على طلب رخصة بناء', language: 'ar', correspondent: { id: incoming.correspondent!.id }, replyTo: incoming.id } })).body;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('drafts from the template, saves versions, compares them and previews the PDF', async () => {
    const context = await browser.newContext({ locale: 'ar-TN', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await logIn(page, 'agent', 'ar');
    await page.goto(`${stack.engineUrl}/mails/${draft.id}`);
    await page.getByTestId('mail-letter').click();
    await page.getByTestId('letter-editor').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('letter-editor').textContent()).toContain('لا توجد نسخة بعد');
    // left alone, the editor asks the engine nothing again (its annexes once looped: 50 requests a second)
    expect(await requestsWhileIdle(page)).toEqual([]);

    // pick the Arabic reply template
    await page.getByTestId('letter-template').selectOption('reply-citizen-ar');
    await page.getByTestId('letter-apply-template').click();
    await page.getByTestId('letter-outcome').filter({ hasText: 'النسخة 1' }).waitFor();
    const body = page.getByTestId('letter-body');
    expect(await body.textContent()).toContain('تحية طيبة وبعد');
    // the merge fields are chips in Arabic; the paper runs right to left
    expect(await body.locator('.merge-field[data-field="reference.chronoNumber"]').textContent()).toBe('عدد تسجيل مراسلته');
    expect(await body.locator('.merge-field[data-field="reference.chronoNumber"]').getAttribute('title')).toBe(incoming.chronoNumber);
    expect(await page.locator('.letter-paper').getAttribute('dir')).toBe('rtl');
    await shot(page, '1-template');

    // type the answer in the empty paragraph and save
    await body.locator('p').nth(3).click();
    await page.keyboard.type('نعلمكم بأن ملفكم قيد الدرس.');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('letter-outcome').filter({ hasText: 'النسخة 2' }).waitFor();
    // then a second change, with a merge field inserted from its chip
    await body.locator('p').nth(3).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' وسنوافيكم بالرد قريبا، المرجع ');
    await page.getByTestId('merge-reference.letterReference').click();
    await page.getByTestId('letter-signatory-name').fill('الهادي العياري');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('letter-outcome').filter({ hasText: 'النسخة 3' }).waitFor();
    expect(await page.getByTestId('letter-versions').locator('li').count()).toBe(3);
    expect(await page.getByTestId('letter-versions').textContent()).toContain('يوسف الغربي');

    // compare version 2 with version 3: the new words are highlighted
    await page.getByTestId('compare-3').click();
    const inserted = page.getByTestId('compare-inserted');
    await inserted.first().waitFor();
    expect((await inserted.allTextContents()).join('')).toContain('وسنوافيكم');
    expect(await page.getByTestId('letter-compare').textContent()).toContain(incoming.letterReference!);

    // the PDF preview shows the rendered letter (a blob: frame)
    const frame = page.getByTestId('letter-preview');
    await frame.waitFor({ timeout: 20_000 });
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await page.waitForTimeout(1_500);
    await shot(page, '2-saved-compare-preview');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/[0-9a-f]{24}|letters\.|\{\{|data-field/);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
