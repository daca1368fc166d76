/**
 * The citizen's tracking page on a phone, in Arabic: the information the administration asks for,
 * answered with an attachment (the waiting circuit continues), then, once closed, the answer
 * downloaded. The staff's steps go through the API. Screenshots in test-results/citizen-tracking.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { MailDto } from '@diwan/contracts';
import { launchBrowser, switchLanguage, requestsWhileIdle } from '../harness/browser.js';
import { api, login, stack, waitFor } from '../harness/stack.js';
import { attachAnswer, complete, openTask } from '../scenarios/complaint.fixtures.js';
import { TINY_PDF, TINY_PNG, aMail, registerMail } from '../scenarios/mail.fixtures.js';

const shots = path.join(process.cwd(), 'test-results', 'citizen-tracking');
const SCRIPT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

describe('the tracking page on a phone, in Arabic', () => {
  let browser: Browser;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    for (const user of ['registrar', 'cabinet', 'head']) tokens[user] = (await login(user)).token;
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

  it('given a complaint waiting for the citizen, when they answer with a photo, the circuit goes on; once closed they download the answer', async () => {
    // given a portal complaint, admissible, forwarded to urbanism, whose department asks the citizen for a photo
    const registered = await registerMail(tokens.registrar!, aMail({ mailType: 'complaint', channel: 'portal', language: 'ar', subject: 'شكاية بخصوص الإنارة العمومية' }));
    expect(registered.status).toBe(201);
    const mail = registered.body as MailDto;
    await complete(tokens.cabinet!, (await openTask(tokens.cabinet!, mail.id, 'admissibility_review')).id, { admissibility: 'admissible' });
    await complete(tokens.cabinet!, (await openTask(tokens.cabinet!, mail.id, 'forward_complaint')).id, { concernedDepartment: 'urbanism' });
    const response = await openTask(tokens.head!, mail.id, 'department_response');
    await complete(tokens.head!, response.id, { responseOutcome: 'askCitizen', citizenRequestText: `الرجاء إرفاق صورة للعمود الكهربائي ${SCRIPT}` });

    // when the citizen opens the tracking page on a phone, in Arabic
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true });
    const page = await context.newPage();
    const scripts = watchScripts(page);
    await page.goto(`${stack.engineUrl}/track/${mail.trackingCode}`);
    await switchLanguage(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const request = await waitFor('the request on the page', async () => {
      await page.reload();
      await page.getByTestId('tracking-result').waitFor();
      return (await page.getByTestId('tracking-request').count()) ? page.getByTestId('tracking-request') : null;
    });
    // then it shows the request in the department's words, as text, and the steps in Arabic
    expect(await page.getByTestId('tracking-request-text').textContent()).toBe(`الرجاء إرفاق صورة للعمود الكهربائي ${SCRIPT}`);
    const steps = await page.getByTestId('tracking-timeline').locator('li').allTextContents();
    expect(steps.join(' ')).toContain('معلومات مطلوبة');
    expect(steps.join(' ')).toMatch(/[\u0600-\u06FF]/);
    expect(await page.getByTestId('tracking-timeline').innerText()).not.toMatch(/department_response|urbanism|head|\d{4}-\d{2}-\d{2}T/);
    // (no horizontal scrolling on a phone)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(shots, 'phone-1-request.png'), fullPage: true });

    // when the citizen answers with a photo (and a script in the text)
    await request.getByTestId('tracking-answer-text').fill(`هذه صورة العمود ${SCRIPT}`);
    await request.getByTestId('tracking-answer-files').setInputFiles({ name: 'عمود.png', mimeType: 'image/png', buffer: TINY_PNG });
    expect(await request.getByTestId('tracking-answer-chosen').innerText()).toContain('عمود.png');
    await page.screenshot({ path: path.join(shots, 'phone-1b-filled.png'), fullPage: true });
    await request.getByTestId('tracking-answer-send').click();

    // then the page says the information was sent and asks nothing more; the department's task is back
    await page.locator('[data-testid="tracking-result"][data-stage="in_progress"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('tracking-request').count()).toBe(0);
    expect(await page.getByTestId('tracking-timeline').innerText()).toContain('تم إرسال المعلومات');
    await page.screenshot({ path: path.join(shots, 'phone-2-answered.png'), fullPage: true });
    const next = await openTask(tokens.head!, mail.id, 'department_response');
    const form = await api('GET', `/api/user-tasks/${next.id}/form`, { token: tokens.head });
    expect(form.body.data.citizenAnswer).toBe(`هذه صورة العمود ${SCRIPT}`);
    const withPhoto = (await api<MailDto>('GET', `/api/mails/${mail.id}`, { token: tokens.registrar })).body;
    expect(withPhoto.attachments.filter((a) => a.role === 'citizen').map((a) => a.filename)).toEqual(['عمود.png']);

    // when the department responds, the cabinet attaches the answer and closes the file
    await complete(tokens.head!, next.id, { responseOutcome: 'respond' });
    const answer = await openTask(tokens.cabinet!, mail.id, 'answer_citizen');
    expect((await attachAnswer(tokens.cabinet!, mail.id, { name: 'رد.pdf', data: TINY_PDF, type: 'application/pdf' })).status).toBe(201);
    await complete(tokens.cabinet!, answer.id, { answerSummary: 'تم إصلاح العمود' });

    // then the citizen sees it closed and downloads the answer
    await waitFor('closed on the page', async () => {
      await page.reload();
      await page.getByTestId('tracking-result').waitFor();
      return (await page.getByTestId('tracking-answer-download').count()) > 0;
    }, 30_000);
    expect(await page.getByTestId('tracking-result').getAttribute('data-stage')).toBe('closed');
    await page.screenshot({ path: path.join(shots, 'phone-3-closed.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tracking-answer-download').click()]);
    expect(download.suggestedFilename()).toBe('رد.pdf');
    const file = await download.path();
    expect(readFileSync(file).equals(TINY_PDF)).toBe(true);

    // and no script ran anywhere
    expect(await scripts()).toEqual({ dialogs: [], xss: null });

    // and the public statistics page shows numbers, in Arabic, on the phone
    await page.goto(`${stack.engineUrl}/portal/stats`);
    await page.getByTestId('public-stats-table').waitFor();
    expect(await requestsWhileIdle(page)).toEqual([]); // left alone, it asks the engine nothing twice
    expect(await page.getByTestId('public-stats').innerText()).toMatch(/[\u0600-\u06FF]/);
    await page.screenshot({ path: path.join(shots, 'phone-4-stats.png'), fullPage: true });
    await context.close();
  }, 180_000);
});
