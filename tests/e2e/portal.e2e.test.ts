/**
 * The citizen portal in a phone-sized Arabic browser: a deposit, the code read from the local SMTP
 * server's folder, the confirmation, the chrono number, the tracking code and the receipt download,
 * the QR code's verify page; then the staff mail page shows the deposit's script as plain text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, switchLanguage, requestsWhileIdle } from '../harness/browser.js';
import { api, login, stack } from '../harness/stack.js';
import { codeSentTo } from '../scenarios/portal.fixtures.js';

const shots = path.join(process.cwd(), 'test-results', 'portal');
const SCRIPT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

describe('the citizen portal on a phone, in Arabic', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const watchScripts = (page: Page) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return async () => ({ dialogs, xss: await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null) });
  };

  it('given a citizen, when they deposit and confirm the e-mailed code, then they see the numbers and get the receipt; staff see the script inert', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true });
    const page = await context.newPage();
    const scripts = watchScripts(page);
    const email = `citoyen-${Date.now().toString(36)}@example.tn`;

    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${stack.engineUrl}/portal`);
    await page.getByTestId('portal-page').waitFor({ timeout: 15_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: path.join(shots, 'phone-0-failed.png') });
      throw new Error(`the portal page did not show: ${String(e)}; ${problems.join(' | ')}`);
    });
    await switchLanguage(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByTestId('portal-form').waitFor();
    expect(await requestsWhileIdle(page)).toEqual([]); // left alone, it asks the engine nothing twice
    await page.getByTestId('portal-nationalId').fill(String(10_000_000 + Math.floor(Math.random() * 89_999_999)));
    await page.getByTestId('portal-name').fill(`سلمى الطرابلسي ${SCRIPT}`);
    await page.getByTestId('portal-phone').fill(`+216 2${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`); // (a phone of its own: deposits are limited per phone)
    await page.getByTestId('portal-email').fill(email);
    await page.getByTestId('portal-department').selectOption('urbanism');
    await page.getByTestId('portal-mailType').selectOption('complaint');
    await page.getByTestId('portal-subject').fill(`شكاية بخصوص الإنارة العمومية ${SCRIPT}`);
    await page.getByTestId('portal-text').fill(`الإنارة العمومية معطلة في نهجنا منذ شهر. ${SCRIPT}`);
    await page.getByTestId('portal-files').setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% photo\n%%EOF\n') });
    await page.getByTestId('portal-channel-email').check();
    await page.screenshot({ path: path.join(shots, 'phone-1-form.png'), fullPage: true });
    // every control is at least 44 px high (thumb-sized)
    const heights = await page.$$eval('[data-testid^="portal-"]:is(input:not([type=radio]):not([type=file]), select, textarea, button)', (els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('portal-submit').click();
    await page.getByTestId('portal-code-step').waitFor({ timeout: 30_000 });
    const code = await codeSentTo(email);
    await page.getByTestId('portal-code').fill(code);
    await page.screenshot({ path: path.join(shots, 'phone-2-code.png'), fullPage: true });
    await page.getByTestId('portal-confirm').click();
    await page.getByTestId('portal-done').waitFor({ timeout: 30_000 });
    const chrono = (await page.getByTestId('portal-chrono').textContent())!;
    const tracking = (await page.getByTestId('portal-tracking').textContent())!;
    expect(chrono).toMatch(/^\d{4}\/A\/\d{6}$/);
    expect(tracking).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.screenshot({ path: path.join(shots, 'phone-3-done.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portal-receipt').click()]);
    const saved = path.join(shots, 'downloaded-receipt.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    // the receipt's QR code leads here
    await page.goto(`${stack.engineUrl}/portal/verify?code=${encodeURIComponent(tracking)}`);
    await page.getByTestId('verify-exists').waitFor();
    expect(await page.getByTestId('verify-exists').textContent()).toContain(chrono);
    await page.getByTestId('verify-file').setInputFiles(saved);
    await page.getByTestId('verify-submit').click();
    await page.getByTestId('verify-verdict').waitFor();
    expect(await page.getByTestId('verify-verdict').textContent()).toContain('هذا الوصل صحيح');
    await page.screenshot({ path: path.join(shots, 'phone-4-verify.png'), fullPage: true });
    expect(await scripts()).toEqual({ dialogs: [], xss: null });

    // the staff mail page shows the citizen's script as text, and runs none of it
    const { token } = await login('registrar');
    const found = await api('GET', `/api/mails?q=${encodeURIComponent(chrono)}`, { token });
    const mailId = ((found.body.items ?? found.body) as { id: string; chronoNumber: string }[]).find((m) => m.chronoNumber === chrono)!.id;
    const staff = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const staffScripts = watchScripts(staff);
    await logIn(staff, 'registrar', 'ar');
    await staff.goto(`${stack.engineUrl}/mails/${mailId}`);
    await staff.getByTestId('mail-page').waitFor();
    await staff.waitForTimeout(500);
    expect(await staff.getByTestId('mail-page').textContent()).toContain('<script>');
    await staff.screenshot({ path: path.join(shots, 'staff-mail-page.png'), fullPage: true });
    expect(await staffScripts()).toEqual({ dialogs: [], xss: null });
    await context.close();
  }, 180_000);
});
