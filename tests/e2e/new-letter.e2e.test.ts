import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { MailDto } from '@diwan/contracts';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, uniqueKey } from '../harness/stack.js';

/**
 * A new outgoing letter written in Diwan, in Arabic: from the new-mail form, "write the letter in
 * Diwan" makes a draft with no number and opens its letter editor (the parapheur numbers it later).
 */
describe('a new outgoing letter, in Arabic', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('drafts the letter in Diwan and opens its editor, with no number yet', async () => {
    // given the registrar on the new-mail form, in Arabic, choosing an outgoing mail
    const context = await browser.newContext({ locale: 'ar-TN' });
    const page = await context.newPage();
    await logIn(page, 'registrar', 'ar');
    await page.getByTestId('nav-new-mail').click();
    await page.getByTestId('mail-direction').selectOption('outgoing');

    // when the letter is to be written in Diwan
    await page.getByTestId('mail-draft-in-diwan').check();
    const subject = `إجابة عن طلب معلومات ${uniqueKey('letter')}`;
    await page.getByTestId('mail-subject').fill(subject);
    await page.getByTestId('mail-language').selectOption('ar');
    await page.getByTestId('correspondent-search').fill('سامية الحداد');
    await page.getByTestId('correspondent-create').click();
    await page.getByTestId('correspondent-new-name').fill('سامية الحداد');
    // (no scans to attach to a letter still to be written)
    expect(await page.getByTestId('file-drop').count()).toBe(0);
    await page.getByTestId('mail-submit').click();

    // then the letter editor opens on a draft that has no number yet
    await page.waitForURL(/\/mails\/[0-9a-f]{24}\/letter$/);
    const id = /\/mails\/([0-9a-f]{24})\/letter$/.exec(page.url())![1]!;
    const { token } = await login('registrar');
    const mail = (await api<MailDto>('GET', `/api/mails/${id}`, { token })).body;
    expect(mail).toMatchObject({ direction: 'outgoing', status: 'draft', chronoNumber: null, subject });
    await page.screenshot({ path: 'test-results/new-letter-ar.png' });
    await context.close();
  }, 120_000);
});
