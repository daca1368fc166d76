/**
 * Issue 11's journey in one test, in Arabic: a citizen on a phone deposits a complaint through
 * /portal (the code read from the local SMTP server), gets the numbers and the receipt, and tracks
 * it; the complaints circuit asks them for information, which they answer from the phone with a
 * photo; staff go on (their steps through the API as the real users), the cabinet attaches the
 * answer to the citizen on the mail page (desktop browser: a refused file, a first version, then its
 * replacement), closes the file, and the phone downloads the very bytes uploaded.
 * Screenshots of each stage in test-results/citizen-journey.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { AnswerDocumentDto, MailDto, MailTrackingDto } from '@diwan/contracts';
import { launchBrowser, logIn, switchLanguage } from '../harness/browser.js';
import { api, login, stack, waitFor } from '../harness/stack.js';
import { attachAnswer, complete, openTask } from '../scenarios/complaint.fixtures.js';
import { TINY_PDF, TINY_PNG } from '../scenarios/mail.fixtures.js';
import { codeSentTo, freshAddress, request } from '../scenarios/portal.fixtures.js';

const shots = path.join(process.cwd(), 'test-results', 'citizen-journey');
const SCRIPT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true } as const;
/** What a citizen or a staff member must never read: ISO dates, JSON, step ids. */
const NOT_FOR_PEOPLE = /\d{4}-\d{2}-\d{2}T|[{}"]|admissibility_review|forward_complaint|department_response|answer_citizen|citizen-complaint/;

/** A PDF of this run only, so that the bytes the citizen downloads can only be the ones uploaded. */
const uniquePdf = (label: string) => Buffer.concat([TINY_PDF, Buffer.from(`% ${label} ${Date.now()} ${Math.random()}\n`, 'latin1')]);

describe('the citizen journey on a phone, in Arabic', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const watch = (page: Page) => {
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return {
      problems,
      scripts: async () => ({ dialogs, xss: await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null) }),
    };
  };
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  /** On a failure, each open page is kept as a screenshot (failed-1.png …) before the error goes on. */
  const open: Page[] = [];
  const keepingScreens = (body: () => Promise<void>) => async () => {
    try {
      await body();
    } catch (error) {
      for (const [n, p] of open.entries()) await p.screenshot({ path: path.join(shots, `failed-${n + 1}.png`), fullPage: true }).catch(() => undefined);
      throw error;
    }
  };

  it('given a citizen with a complaint, when they deposit, track, answer what is asked and the file closes, then they download the answer the cabinet attached', keepingScreens(async () => {
    // ---- the deposit, on a phone
    const phone = await browser.newContext(PHONE);
    const page = await phone.newPage();
    open.push(page);
    const citizen = watch(page);
    const email = `journey-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.tn`;
    await page.goto(`${stack.engineUrl}/portal`);
    await page.getByTestId('portal-page').waitFor({ timeout: 30_000 });
    await switchLanguage(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByTestId('portal-form').waitFor();
    await page.getByTestId('portal-nationalId').fill(String(10_000_000 + Math.floor(Math.random() * 89_999_999)));
    await page.getByTestId('portal-name').fill('سلمى الطرابلسي');
    // (a phone of its own: deposits are limited per phone)
    await page.getByTestId('portal-phone').fill(`+216 2${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`);
    await page.getByTestId('portal-email').fill(email);
    await page.getByTestId('portal-department').selectOption('urbanism');
    await page.getByTestId('portal-mailType').selectOption('complaint');
    await page.getByTestId('portal-subject').fill('شكاية بخصوص الإنارة العمومية في نهج الياسمين');
    await page.getByTestId('portal-text').fill('الإنارة العمومية معطلة في نهجنا منذ شهر.');
    await page.getByTestId('portal-files').setInputFiles({ name: 'صورة.pdf', mimeType: 'application/pdf', buffer: uniquePdf('deposit') });
    await page.getByTestId('portal-channel-email').check();
    await shoot(page, 'phone-1-deposit');
    await page.getByTestId('portal-submit').click();
    await page.getByTestId('portal-code-step').waitFor({ timeout: 60_000 });
    await page.getByTestId('portal-code').fill(await codeSentTo(email));
    await page.getByTestId('portal-confirm').click();
    await page.getByTestId('portal-done').waitFor({ timeout: 60_000 });
    const chrono = (await page.getByTestId('portal-chrono').textContent())!;
    const code = (await page.getByTestId('portal-tracking').textContent())!;
    expect(chrono).toMatch(/^\d{4}\/A\/\d{6}$/);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await shoot(page, 'phone-2-registered');
    const [receipt] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portal-receipt').click()]);
    expect(readFileSync(await receipt.path()).subarray(0, 5).toString()).toBe('%PDF-');

    // ---- tracking, from the confirmation's own link
    await page.locator('[data-testid="portal-done"] a[href^="/track/"]').click();
    await page.getByTestId('tracking-result').waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const firstLook = await page.getByTestId('tracking-result').innerText();
    expect(firstLook).toMatch(/[\u0600-\u06FF]/);
    expect(firstLook).not.toMatch(NOT_FOR_PEOPLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'phone-3-tracking');

    // The phone reloads only once the stage it waits for is there: the public routes are limited per
    // address, and every browser of the run shares 127.0.0.1; the polling goes from an address of its own.
    const from = freshAddress();
    const untilStage = async (what: string, ok: (dto: MailTrackingDto) => boolean, timeoutMs = 60_000) => {
      await waitFor(what, async () => {
        await new Promise((r) => setTimeout(r, 1_500)); // (within the per-address limit of 60 a minute)
        const res = await request<MailTrackingDto>(from, 'GET', `/api/public/track/${encodeURIComponent(code)}`);
        return res.status === 200 && ok(res.body);
      }, timeoutMs);
      await page.reload();
      await page.getByTestId('tracking-result').waitFor();
    };

    // ---- staff, as the real users: admissible, forwarded to urbanism, which asks the citizen for a photo
    const tokens = { registrar: (await login('registrar')).token, cabinet: (await login('cabinet')).token, head: (await login('head')).token };
    const found = await waitFor('the deposit in the register', async () => {
      const res = await api<{ items: MailDto[] }>('GET', `/api/mails?chronoNumber=${encodeURIComponent(chrono)}`, { token: tokens.registrar });
      return res.body.items?.find((m) => m.chronoNumber === chrono);
    });
    const mailId = found.id;
    expect(found.channel).toBe('portal');
    await complete(tokens.cabinet, (await openTask(tokens.cabinet, mailId, 'admissibility_review', 60_000)).id, { admissibility: 'admissible' });
    await complete(tokens.cabinet, (await openTask(tokens.cabinet, mailId, 'forward_complaint', 60_000)).id, { concernedDepartment: 'urbanism' });
    const request1 = await openTask(tokens.head, mailId, 'department_response', 60_000);
    await complete(tokens.head, request1.id, { responseOutcome: 'askCitizen', citizenRequestText: `الرجاء إرفاق صورة للعمود الكهربائي ${SCRIPT}` });

    // ---- the citizen answers on the phone, with a photo
    await untilStage('the information request', (dto) => dto.informationRequest !== null);
    const asked = page.getByTestId('tracking-request');
    await asked.waitFor();
    expect(await page.getByTestId('tracking-request-text').textContent()).toBe(`الرجاء إرفاق صورة للعمود الكهربائي ${SCRIPT}`);
    expect(await page.getByTestId('tracking-timeline').innerText()).toContain('معلومات مطلوبة');
    expect(await page.getByTestId('tracking-timeline').innerText()).not.toMatch(NOT_FOR_PEOPLE);
    await shoot(page, 'phone-4-information-requested');
    await asked.getByTestId('tracking-answer-text').fill('هذه صورة العمود المعطل أمام المنزل عدد 12.');
    await asked.getByTestId('tracking-answer-files').setInputFiles({ name: 'عمود.png', mimeType: 'image/png', buffer: TINY_PNG });
    await asked.getByTestId('tracking-answer-send').click();
    await page.locator('[data-testid="tracking-result"][data-stage="in_progress"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('tracking-request').count()).toBe(0);
    expect(await page.getByTestId('tracking-timeline').innerText()).toContain('تم إرسال المعلومات');
    await shoot(page, 'phone-5-information-given');

    // the department reads the answer in its task (message correlation), and responds
    const request2 = await openTask(tokens.head, mailId, 'department_response', 60_000);
    const form = await api('GET', `/api/user-tasks/${request2.id}/form`, { token: tokens.head });
    expect(form.body.data.citizenAnswer).toBe('هذه صورة العمود المعطل أمام المنزل عدد 12.');
    await complete(tokens.head, request2.id, { responseOutcome: 'respond' });
    const answerTask = await openTask(tokens.cabinet, mailId, 'answer_citizen', 60_000);

    // only whoever holds an open task on the mail may attach the answer: now the cabinet, nobody else
    // (not the department that answered, not an admin or a supervisor who sees every task)
    for (const who of ['admin', 'registrar', 'cabinet', 'head', 'agent', 'president', 'supervisor']) {
      const token = (await login(who)).token;
      const view = await api<AnswerDocumentDto>('GET', `/api/mails/${mailId}/answer-document`, { token });
      const seen = view.status === 200 ? { document: view.body.document, mayAttach: view.body.mayAttach } : view.status;
      expect({ who, seen }).toEqual({ who, seen: who === 'cabinet' ? { document: null, mayAttach: true } : view.status === 404 ? 404 : { document: null, mayAttach: false } });
      if (who !== 'cabinet') expect({ who, status: (await attachAnswer(token, mailId, { name: 'رد.pdf', data: uniquePdf(who), type: 'application/pdf' })).status }).toEqual({ who, status: view.status === 404 ? 404 : 403 });
    }

    // ---- the cabinet attaches the answer on the mail page, in Arabic, on a desktop
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await desk.newPage();
    open.push(staff);
    const staffWatch = watch(staff);
    await logIn(staff, 'cabinet', 'ar');
    await staff.goto(`${stack.engineUrl}/mails/${mailId}`);
    await staff.getByTestId('mail-page').waitFor({ timeout: 30_000 });
    const block = staff.getByTestId('answer-document');
    await block.waitFor({ timeout: 30_000 });
    expect(await staff.getAttribute('html', 'dir')).toBe('rtl');
    await block.getByTestId('answer-document-none').waitFor();
    expect(await block.getByTestId('answer-document-submit').isDisabled()).toBe(true);
    await shoot(staff, 'staff-1-answer-block');
    await block.screenshot({ path: path.join(shots, 'staff-1-block.png') });

    // a file of a refused type is refused at once, in Arabic
    await block.getByTestId('answer-document-file').setInputFiles({ name: 'رد.txt', mimeType: 'text/plain', buffer: Buffer.from('not a document') });
    await block.getByTestId('answer-document-error').waitFor();
    expect(await block.getByTestId('answer-document-error').innerText()).toContain('نوع الملف غير مقبول');
    // so is a file over the limit
    await block.getByTestId('answer-document-file').setInputFiles({ name: 'كبير.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x25) });
    await staff.waitForFunction(() => document.querySelector('[data-testid="answer-document-error"]')?.textContent?.includes('كبير.pdf'));
    expect(await block.getByTestId('answer-document-error').innerText()).toContain('يتجاوز');
    expect(await block.getByTestId('answer-document-submit').isDisabled()).toBe(true);
    // a file whose content is not what its name says is refused by the engine, in Arabic, never as JSON
    await block.getByTestId('answer-document-file').setInputFiles({ name: 'مزيف.pdf', mimeType: 'application/pdf', buffer: TINY_PNG });
    await block.getByTestId('answer-document-submit').click();
    await staff.waitForFunction(() => document.querySelector('[data-testid="answer-document-error"]')?.textContent?.includes('مزيف.pdf'));
    const refusal = await block.getByTestId('answer-document-error').innerText();
    expect(refusal).toContain('محتوى الملف لا يطابق نوعه');
    expect(refusal).not.toMatch(/[{}"]|File|declared|unsupported/);
    await shoot(staff, 'staff-2-refused');
    await block.screenshot({ path: path.join(shots, 'staff-2-block.png') });

    // a first version, then its replacement: the citizen gets the newest
    const draft = uniquePdf('draft');
    await block.getByTestId('answer-document-file').setInputFiles({ name: 'مسودة الرد.pdf', mimeType: 'application/pdf', buffer: draft });
    await block.getByTestId('answer-document-submit').click();
    await block.getByTestId('answer-document-done').waitFor({ timeout: 30_000 });
    await waitFor('the first version shown', async () => (await block.getByTestId('answer-document-name').count()) > 0 && (await block.getByTestId('answer-document-name').innerText()) === 'مسودة الرد.pdf');
    expect(await block.getByTestId('answer-document-submit').innerText()).toBe('تعويض الرد');
    const final = uniquePdf('final');
    await block.getByTestId('answer-document-file').setInputFiles({ name: 'رد البلدية.pdf', mimeType: 'application/pdf', buffer: final });
    expect(await block.getByTestId('answer-document-chosen').innerText()).toContain('رد البلدية.pdf');
    await block.getByTestId('answer-document-submit').click();
    await waitFor('the replacement shown', async () => (await block.getByTestId('answer-document-name').innerText()) === 'رد البلدية.pdf', 30_000);
    await block.getByTestId('answer-document-done').waitFor();
    const blockText = await block.innerText();
    expect(blockText).toMatch(/[\u0600-\u06FF]/);
    expect(blockText).not.toMatch(NOT_FOR_PEOPLE);
    expect(blockText).not.toMatch(/\b(Answer|Download|Replace|answerDocument)\b/);
    // the files' list shows both as replies
    await waitFor('both versions among the files', async () => (await staff.locator('[data-testid="attachment-item"][data-role="reply"]').count()) === 2);
    await shoot(staff, 'staff-3-answer-attached');
    await block.screenshot({ path: path.join(shots, 'staff-3-block.png') });

    // the cabinet closes the file
    await complete(tokens.cabinet, answerTask.id, { answerSummary: 'تم إصلاح العمود الكهربائي' });
    // the block goes away with the task
    await block.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await staffWatch.scripts()).toEqual({ dialogs: [], xss: null });
    expect(staffWatch.problems).toEqual([]);

    // ---- the citizen sees the file closed and downloads the answer: the very bytes uploaded
    await untilStage('the file closed with its answer', (dto) => dto.stage === 'closed' && dto.answerAvailable);
    await page.getByTestId('tracking-answer-download').waitFor();
    expect(await page.getByTestId('tracking-result').getAttribute('data-stage')).toBe('closed');
    const closed = await page.getByTestId('tracking-result').innerText();
    expect(closed).toContain('تم الختم');
    expect(closed).not.toMatch(NOT_FOR_PEOPLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'phone-6-closed');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tracking-answer-download').click()]);
    expect(download.suggestedFilename()).toBe('رد البلدية.pdf');
    const bytes = readFileSync(await download.path());
    expect(bytes.equals(final)).toBe(true);

    // and nothing the citizen or the department wrote ran as script
    expect(await citizen.scripts()).toEqual({ dialogs: [], xss: null });
    expect(citizen.problems).toEqual([]);
    await desk.close();
    await phone.close();
  }), 300_000);
});
