import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ExchangeIdentityDto, LetterSignaturesDto, MailDto, MailPage, UserTaskDto } from '@diwan/contracts';
import { makeTestPki, pdfsig, type TestPki } from '../../documents/src/signature/signature.testkit.js';
import { root } from '../../scripts/build.mjs';
import { startStackOnFreePorts, type Stack } from '../../scripts/stack.mjs';
import { launchBrowser, switchLanguage } from '../harness/browser.js';
import { DEMO_PASSWORD, api, login, runtimeApi, stack, waitFor } from '../harness/stack.js';
import { call, loginAt } from '../scenarios/exchange.fixtures.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';

/**
 * Issue 10 end to end, in Arabic, on two administrations on this machine: A (the tests' stack)
 * receives a letter from B (a stack of our own). A's agent replies from the incoming mail's page,
 * drafts from the Arabic template in the letter editor, submits with a visa chain of two; the first
 * approves, the second refuses with a comment; the agent revises (a new version) and resubmits; both
 * approve; the president signs in the browser with a PKCS#12 made here with openssl; registration
 * gives the D number (sealed on the PDF); the letter goes to B by exchange; B registers it as
 * incoming (channel administration); its acknowledgment comes back and shows on A's mail page.
 * People act through the pages (inbox forms, letter editor, sign panel); the API only sets up and
 * checks. `pdfsig` validates both signatures of the letter (signer, then registration seal).
 */
const run = promisify(execFile);
const OUT = path.resolve(root, 'test-results/parapheur');
const suffix = Date.now().toString(36);
const B_ID = `bizerte-${suffix}`;
const B_NAME = { ar: 'ولاية بنزرت', fr: 'Gouvernorat de Bizerte' };

let b: Stack;
let pki: TestPki;
let browser: Browser;
let aIdentity: ExchangeIdentityDto;
const tokens: Record<string, string> = {};
const contexts: BrowserContext[] = [];
const problems: string[] = [];

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
const mailAt = async (id: string) => (await api<MailDto>('GET', `/api/mails/${id}`, { token: tokens.admin })).body;
const tasksOf = async (user: string, mailId: string) => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body;
const openTask = (user: string, mailId: string, key: string, timeoutMs = 30_000) =>
  waitFor(`${key} for ${user}`, async () => (await tasksOf(user, mailId)).find((t) => t.taskDefinitionKey === key && t.status === 'open' && (t.assignee === null || t.assignee === user)), timeoutMs);
/** What a person must never read on a page: internal ids, ISO dates, template braces, keys. */
const UNREADABLE = /[0-9a-f]{24}|\d{4}-\d{2}-\d{2}T\d{2}|\{\{|\}\}|parapheur\.|signatures\.|letters\./;

/** A person's browser, logged in at an instance in Arabic (each person has their own context). */
async function personAt(base: string, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ar-TN', viewport: { width: 1360, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${username}: ${e.message}`));
  await page.goto(`${base}/login`);
  await switchLanguage(page, 'ar');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
  return page;
}

/** Opens the person's step on a mail from their inbox's task page, once it is theirs. */
async function openStep(page: Page, user: string, mailId: string, key: string) {
  const task = await openTask(user, mailId, key, 60_000);
  await page.goto(`${stack.engineUrl}/inbox/${task.id}`);
  const form = page.locator('[data-testid="task-form"][data-state="ready"]');
  await form.waitFor();
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  return form;
}

async function submitStep(page: Page) {
  await page.getByTestId('task-form-submit').click();
  await page.waitForURL(/\/inbox$/, { timeout: 20_000 });
}

/** A visa, in the visa form: approve (التأشير) or refuse (الرفض) with a comment. */
async function visa(page: Page, user: string, mailId: string, decision: 'التأشير' | 'الرفض', comment = '', screenshot?: string) {
  const form = await openStep(page, user, mailId, 'visa_letter');
  await form.getByLabel(decision, { exact: true }).check();
  await form.locator('.fjs-form-field-textarea textarea').fill(comment);
  if (screenshot) await shot(page, screenshot);
  await submitStep(page);
}

/** Picks an option of a form-js select (by its label) or taglist, by the option's visible text. */
async function pick(form: ReturnType<Page['locator']>, fieldLabel: string, option: string, search?: string) {
  const field = form.locator('.fjs-form-field').filter({ has: form.page().locator('label', { hasText: fieldLabel }) }).first();
  if (search !== undefined) await field.locator('input').first().fill(search);
  else await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
  // a taglist keeps its list open while its input has the focus
  if (search !== undefined) await field.locator('input').first().blur();
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const [p, started] = await Promise.all([
    makeTestPki(),
    startStackOnFreePorts({
      dataDir: mkdtempSync(path.join(tmpdir(), 'diwan-parapheur-b-')),
      memory: true,
      quiet: true,
      logDir: path.join(root, 'test-results', 'logs', 'parapheur-b'),
      engineEnv: { DIWAN_EXCHANGE_ID: B_ID, DIWAN_EXCHANGE_NAME_AR: B_NAME.ar, DIWAN_EXCHANGE_NAME_FR: B_NAME.fr },
    }),
  ]);
  pki = p;
  b = started;
  for (const user of ['admin', 'registrar', 'agent', 'head', 'cabinet', 'president']) tokens[user] = (await login(user)).token;
  tokens.bAdmin = await loginAt(b.engineUrl, 'admin');
  aIdentity = (await call<ExchangeIdentityDto>(stack.engineUrl, 'GET', '/api/exchange/identity')).body;
  const bIdentity = (await call<ExchangeIdentityDto>(b.engineUrl, 'GET', '/api/exchange/identity')).body;
  // each administration lists the other in its directory
  expect((await call(stack.engineUrl, 'POST', '/api/exchange/peers', { token: tokens.admin, body: { id: B_ID, name: B_NAME, url: b.engineUrl, publicKey: bIdentity.publicKey } })).status).toBe(201);
  expect((await call(b.engineUrl, 'POST', '/api/exchange/peers', { token: tokens.bAdmin, body: { id: aIdentity.id, name: aIdentity.name, url: stack.engineUrl, publicKey: aIdentity.publicKey } })).status).toBe(201);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await call(stack.engineUrl, 'DELETE', `/api/exchange/peers/${B_ID}`, { token: tokens.admin }).catch(() => undefined);
  await b?.stop();
  pki?.dispose();
}, 90_000);

describe('the parapheur, end to end on two administrations, in Arabic', () => {
  it('replies from the incoming mail, runs the visa chain with a refusal, signs in the browser, registers, sends to B, and shows B’s acknowledgment', async () => {
    // given a letter from the governorate of Bizerte (B), registered at A for urbanism
    const incoming: MailDto = (
      await registerMail(
        tokens.registrar!,
        aMail({ language: 'ar', subject: `طلب معلومات حول مشروع تهيئة الطريق ${suffix}`, letterDate: '2026-03-02', correspondent: { kind: 'administration', name: 'Gouvernorat de Bizerte · ولاية بنزرت' } }),
      )
    ).body;
    expect(incoming.chronoNumber).toMatch(/\/A\//);

    // when the urbanism agent replies from the incoming mail's page
    const agent = await personAt(stack.engineUrl, 'agent');
    await agent.goto(`${stack.engineUrl}/mails/${incoming.id}`);
    await agent.getByTestId('mail-page').waitFor();
    expect(await agent.locator('html').getAttribute('dir')).toBe('rtl');
    await agent.locator('.bjs-container, .djs-container').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await shot(agent, '01-incoming-mail-reply');
    await agent.getByTestId('mail-reply').click();

    // then the letter editor of the new draft opens; the agent starts from the Arabic template and writes the answer
    await agent.getByTestId('letter-editor').waitFor();
    const draftId = /\/mails\/([0-9a-f]{24})\/letter/.exec(agent.url())![1]!;
    const draft = await mailAt(draftId);
    expect(draft).toMatchObject({ status: 'draft', chronoNumber: null, direction: 'outgoing', links: [{ kind: 'replyTo', mailId: incoming.id }] });
    expect(draft.subject).toBe(`رد: ${incoming.subject}`);
    await agent.getByTestId('letter-template').locator('option[value="reply-citizen-ar"]').waitFor({ state: 'attached' });
    await agent.getByTestId('letter-template').selectOption('reply-citizen-ar');
    await agent.waitForFunction(() => (document.querySelector('[data-testid="letter-template"]') as HTMLSelectElement | null)?.value === 'reply-citizen-ar');
    await agent.getByTestId('letter-apply-template').click();
    await agent.getByTestId('letter-outcome').filter({ hasText: 'النسخة 1' }).waitFor();
    const body = agent.getByTestId('letter-body');
    expect(await body.textContent()).toContain('تحية طيبة وبعد');
    await body.locator('p').nth(3).click();
    await agent.keyboard.type('نعلمكم بأن مشروع تهيئة الطريق مبرمج للسنة القادمة.');
    await agent.getByTestId('letter-signatory-name').fill('الهادي العياري');
    await agent.getByTestId('letter-save').click();
    await agent.getByTestId('letter-outcome').filter({ hasText: 'النسخة 2' }).waitFor();
    await agent.getByTestId('letter-preview').waitFor({ timeout: 20_000 });
    await agent.waitForTimeout(1_500);
    await shot(agent, '02-letter-from-template');

    // when the agent submits the draft with a visa chain of two (the head, then the cabinet), the president to sign, by exchange to B
    let form = await openStep(agent, 'agent', draftId, 'draft_letter');
    // (the form is the contract: a peer that is not in the directory is refused, and the step stays open)
    const drafting = await openTask('agent', draftId, 'draft_letter');
    const badPeer = await api('POST', `/api/user-tasks/${drafting.id}/complete`, { token: tokens.agent, body: { variables: { visaChain: ['head'], dispatchMeans: 'exchange', dispatchPeer: 'nowhere' } } });
    expect(badPeer.status).toBe(400);
    expect(JSON.stringify(badPeer.body)).toContain('dispatchPeer');
    await pick(form, 'سلسلة التأشيرات', 'ليلى الحداد', 'ليلى');
    await pick(form, 'سلسلة التأشيرات', 'كريم الطرابلسي', 'كريم');
    await pick(form, 'الموقّع', 'الهادي العياري');
    await pick(form, 'طريقة الإرسال', 'التبادل مع إدارة');
    await pick(form, 'الإدارة المرسل إليها', B_NAME.ar);
    const formText = (await form.textContent()) ?? '';
    expect(formText).not.toMatch(UNREADABLE);
    await shot(agent, '03-submit-with-visa-chain');
    await submitStep(agent);

    // then the head approves, and the cabinet refuses with a comment
    const head = await personAt(stack.engineUrl, 'head');
    await visa(head, 'head', draftId, 'التأشير', '', '04-visa-head');
    const cabinet = await personAt(stack.engineUrl, 'cabinet');
    await visa(cabinet, 'cabinet', draftId, 'الرفض', 'يرجى توضيح آجال الإنجاز في الفقرة الثانية', '05-visa-refused');

    // then the draft comes back to the agent with the comment; the agent revises the letter (a new version) and resubmits
    form = await openStep(agent, 'agent', draftId, 'draft_letter');
    expect(await form.locator('.fjs-form-field-textarea textarea').inputValue()).toBe('يرجى توضيح آجال الإنجاز في الفقرة الثانية');
    await shot(agent, '06-returned-to-drafter');
    await form.getByRole('link', { name: 'محرر الرسالة' }).click();
    await agent.getByTestId('letter-editor').waitFor();
    await agent.getByTestId('letter-versions').locator('li').nth(1).waitFor();
    await body.locator('p').nth(3).click();
    await agent.keyboard.press('End');
    await agent.keyboard.type(' وستنطلق الأشغال في شهر مارس وتدوم ستة أشهر.');
    await agent.getByTestId('letter-save').click();
    await agent.getByTestId('letter-outcome').filter({ hasText: 'النسخة 3' }).waitFor();
    await agent.getByTestId('compare-3').click();
    await agent.getByTestId('compare-inserted').first().waitFor();
    expect((await agent.getByTestId('compare-inserted').allTextContents()).join('')).toContain('ستة أشهر');
    await shot(agent, '07-revised-version-compared');
    form = await openStep(agent, 'agent', draftId, 'draft_letter');
    // the chain, signatory and dispatch chosen before are kept
    expect(await form.locator('.fjs-form-field-taglist').textContent()).toContain('كريم الطرابلسي');
    await submitStep(agent);

    // and the chain starts again from its first person; both approve
    await visa(head, 'head', draftId, 'التأشير');
    await visa(cabinet, 'cabinet', draftId, 'التأشير');

    // when the president opens the signature step, its form leads to the mail page, where the letter is signed
    const president = await personAt(stack.engineUrl, 'president');
    // (only the holder of the signature step is offered to sign)
    expect((await api('GET', `/api/mails/${draftId}/document/signing`, { token: tokens.president })).body).toMatchObject({ step: { sealAllowed: true, signed: false } });
    expect((await api('GET', `/api/mails/${draftId}/document/signing`, { token: tokens.head })).body).toEqual({ step: null });
    expect((await api('GET', '/api/mails/0123456789abcdef01234567/document/signing', { token: tokens.president })).status).toBe(404);
    form = await openStep(president, 'president', draftId, 'sign_letter');
    await form.getByRole('link', { name: 'صفحة المراسلة' }).click();
    const signPanel = president.getByTestId('letter-sign');
    await signPanel.waitFor();
    await president.getByTestId('letter-signatures').filter({ hasText: 'لا توجد رسالة موقعة بعد' }).waitFor();
    // a wrong password is refused in Arabic, and the password field is emptied
    const p12 = { name: 'hedi-ayari.p12', mimeType: 'application/x-pkcs12', buffer: pki.personP12 };
    await president.getByTestId('letter-sign-file').setInputFiles(p12);
    await president.getByTestId('letter-sign-password').fill('ليست كلمة السر');
    await president.getByTestId('letter-sign-submit').click();
    await president.getByTestId('letter-sign-error').waitFor();
    expect(await president.getByTestId('letter-sign-error').textContent()).toContain('كلمة السر');
    expect(await president.getByTestId('letter-sign-password').inputValue()).toBe('');
    await shot(president, '08-sign-panel-wrong-password');
    expect(await president.getByTestId('letter-sign-file-name').textContent()).toBe('لم يتم اختيار أي ملف');
    await president.getByTestId('letter-sign-file').setInputFiles(p12);
    expect(await president.getByTestId('letter-sign-file-name').textContent()).toBe('hedi-ayari.p12');
    await president.getByTestId('letter-sign-password').fill('secret');
    await president.getByTestId('letter-sign-submit').click();
    await president.getByTestId('letter-sign-done').waitFor({ timeout: 30_000 });
    const signatures = president.getByTestId('letter-signatures');
    await signatures.locator('li').first().waitFor();
    expect(await signatures.textContent()).toContain('سليم');
    expect(await signatures.textContent()).toContain('الهادي العياري');
    await shot(president, '09-signed');
    // then the president completes the step
    await president.getByTestId('letter-sign-step').click();
    await president.locator('[data-testid="task-form"][data-state="ready"]').waitFor();
    await submitStep(president);

    // then the letter takes the next number of the outgoing register, and leaves by exchange
    const registered = await waitFor('the reply registered in D', async () => {
      const m = await mailAt(draftId);
      return m.chronoNumber ? m : null;
    }, 60_000);
    expect(registered.chronoNumber).toMatch(new RegExp(`^${new Date().getUTCFullYear()}/D/\\d{6}$`));

    // and B registers it as incoming mail (channel administration), once
    const atB = await waitFor('the letter registered at B', async () => {
      const page = (await call<MailPage>(b.engineUrl, 'GET', `/api/mails?q=${encodeURIComponent(suffix)}`, { token: tokens.bAdmin })).body;
      return page.items.find((m) => m.direction === 'incoming');
    }, 90_000, async () => {
      // what A's side says: the mail's exchange record, the circuit's pending automated steps (errors, retries) and incidents
      const m = await mailAt(draftId);
      const instances = await runtimeApi<{ id: string }[]>('GET', `/process-instance?businessKey=${draftId}`);
      const failed = await Promise.all(instances.map(async (i) => ({
        tasks: (await runtimeApi<{ topicName: string; retries: number | null; errorMessage: string | null }[]>('GET', `/external-task?processInstanceId=${i.id}`)).map((t) => ({ topic: t.topicName, retries: t.retries, error: t.errorMessage })),
        incidents: (await runtimeApi<{ activityId: string; incidentMessage: string }[]>('GET', `/incident?processInstanceId=${i.id}`)).map((x) => ({ step: x.activityId, message: x.incidentMessage })),
      })));
      return JSON.stringify({ status: m.status, exchange: m.exchange ?? null, instances: failed });
    });
    expect(atB).toMatchObject({ channel: 'administration', subject: registered.subject, letterReference: registered.chronoNumber });
    // (A's name in the letter's language)
    expect(atB.correspondent).toMatchObject({ kind: 'administration', registrationNumber: aIdentity.id });
    expect([aIdentity.name.ar, aIdentity.name.fr]).toContain(atB.correspondent!.name);
    const bRegistrar = await personAt(b.engineUrl, 'registrar');
    await bRegistrar.goto(`${b.engineUrl}/mails/${atB.id}`);
    await bRegistrar.getByTestId('mail-page').waitFor();
    expect(await bRegistrar.getByTestId('mail-chrono').textContent()).toBe(atB.chronoNumber);
    await shot(bRegistrar, '10-received-at-B');

    // and its acknowledgment comes back to A, where it shows on the outgoing mail's page
    await waitFor('the acknowledgment at A', async () => ((await mailAt(draftId)).exchange?.acknowledgedAt ? true : null), 60_000);
    await agent.goto(`${stack.engineUrl}/mails/${draftId}`);
    const ack = agent.getByTestId('mail-exchange-ack');
    await ack.waitFor();
    expect(await ack.textContent()).toContain(B_NAME.ar);
    expect(await agent.getByTestId('mail-exchange-number').textContent()).toBe(atB.chronoNumber);
    await agent.getByTestId('letter-signatures').locator('li').nth(1).waitFor();
    expect(await agent.getByTestId('letter-signatures').textContent()).toContain('ختم التسجيل بالصادر');
    expect(await agent.getByTestId('letter-sign').count()).toBe(0);
    expect((await agent.locator('main').textContent()) ?? '').not.toMatch(UNREADABLE);
    await shot(agent, '11-acknowledged-at-A');

    // and the incoming mail it answers is answered, then closed
    await waitFor('the incoming mail closed', async () => ['closed', 'archived'].includes((await mailAt(incoming.id)).status), 60_000);

    // and pdfsig validates both signatures of the letter: the president's, then the registration seal's
    const res = await fetch(`${stack.engineUrl}/api/mails/${draftId}/document`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(res.status).toBe(200);
    const file = path.join(OUT, 'reply-signed.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const report = await pdfsig(file);
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    expect(report).not.toMatch(/Signature is Invalid|Digest Mismatch/);
    expect(report).toContain('Signer Certificate Common Name: Amina Ben Salah');
    expect(report).toMatch(/Signer Certificate Common Name: .*cachet/);
    expect((await run('pdftotext', [file, '-'])).stdout).toContain(registered.chronoNumber!);
    const checked = await api<LetterSignaturesDto>('GET', `/api/mails/${draftId}/document/signatures`, { token: tokens.agent });
    expect(checked.body.signatures.map((s) => [s.kind, s.intact])).toEqual([
      ['signature', true],
      ['registration', true],
    ]);
    // and the letter B received is that signed PDF
    const bPdf = atB.attachments.find((f) => f.contentType === 'application/pdf');
    expect(bPdf).toBeDefined();
    expect(problems).toEqual([]);
  }, 600_000);
});
