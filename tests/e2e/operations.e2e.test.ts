import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BasicAuthInterceptor, Client, type ExternalTask, type TaskService } from 'camunda-external-task-client-js';
import type { Browser, Page } from 'playwright-core';
import type { IncidentDto, UserTaskDto } from '@diwan/contracts';
import { launchBrowser, logIn, switchLanguage } from '../harness/browser.js';
import { api, deployToRuntime, login, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';
import { deployCircuit, testUsers, uniqueName, userTaskCircuit } from '../scenarios/operations.fixtures.js';

// Screenshots of the operations page in ar, fr and en, for people to look at (not compared).
const SCREENSHOTS = path.resolve('test-results/operations');

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A circuit with one external task on a topic only this test serves, deployed straight to the runtime (as the incidents scenario does). */
const KEY = uniqueKey('ops_e2e_incident').replace(/-/g, '_');
const TOPIC = `test.${KEY}`;
const failingCircuit = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="${KEY}" name="Ops e2e incidents" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:extensionElements><camunda:properties><camunda:property name="name.ar" value="مسار الختم" /><camunda:property name="name.fr" value="Circuit du tampon" /><camunda:property name="name.en" value="Stamp circuit" /></camunda:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="stamp" />
    <bpmn:serviceTask id="stamp" name="Tampon" camunda:type="external" camunda:topic="${TOPIC}">
      <bpmn:extensionElements><camunda:properties><camunda:property name="name.ar" value="وضع الختم" /><camunda:property name="name.fr" value="Apposer le tampon" /><camunda:property name="name.en" value="Stamp" /></camunda:properties></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="stamp" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
const CAUSE = 'stamp service refused the seal';

describe('the operations page in a real browser, in Arabic', () => {
  const tokens: Record<string, string> = {};
  let browser: Browser;
  let page: Page;
  // people of their own in urbanism, so that no other test's tasks move
  const absent = uniqueName('absent');
  const standIn = uniqueName('standin');
  const reassignKey = uniqueKey('ops_e2e_reassign').replace(/-/g, '_');
  /** The worker fails on purpose (a bug: no retries, an incident at once) until told otherwise. */
  let failing = true;
  const worker = new Client({
    baseUrl: stack.runtimeUrl,
    workerId: uniqueKey('ops-e2e-worker'),
    asyncResponseTimeout: 2_000,
    interval: 100,
    autoPoll: false,
    interceptors: new BasicAuthInterceptor({ username: process.env.DIWAN_TEST_RUNTIME_USER!, password: process.env.DIWAN_TEST_RUNTIME_PASSWORD! }),
  });

  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'supervisor', 'cabinet', 'agent']) tokens[user] = (await login(user)).token;
    await testUsers([
      { username: absent, departments: ['urbanism'] },
      { username: standIn, departments: ['urbanism'] },
    ]);
    await deployCircuit(tokens.admin!, reassignKey, userTaskCircuit(reassignKey, [{ id: 'study', names: ['دراسة الملف', 'Étude du dossier', 'Case study'], group: 'urbanism', assignee: absent }]));
    await deployToRuntime(KEY, [{ name: `${KEY}.bpmn`, content: failingCircuit }]);
    worker.subscribe(TOPIC, {}, async ({ task, taskService }: { task: ExternalTask; taskService: TaskService }) => {
      if (failing) await taskService.handleFailure(task, { errorMessage: CAUSE, errorDetails: `Error: ${CAUSE}\n    at stamp (test)`, retries: 0, retryTimeout: 0 });
      else await taskService.complete(task);
    });
    worker.start();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, 'supervisor', 'ar');
  }, 90_000);

  afterAll(async () => {
    worker.stop();
    await browser?.close();
  });

  /** A fresh mail whose instance of the given circuit is started behind the engine's back. */
  async function mailRunning(key: string): Promise<{ mailId: string; chronoNumber: string; processInstanceId: string }> {
    const mail = await registerMail(tokens.registrar!, aMail());
    expect(mail.status).toBe(201);
    const instance = await runtimeApi<{ id: string }>('POST', `/process-definition/key/${key}/start`, { businessKey: mail.body.id });
    return { mailId: mail.body.id, chronoNumber: mail.body.chronoNumber, processInstanceId: instance.id };
  }

  it('bulk-reassigns some of an absent agent\'s tasks to a colleague of the same department', async () => {
    // given three tasks held by the absent agent, each about its own mail
    const mails = [];
    for (let n = 0; n < 3; n += 1) mails.push(await mailRunning(reassignKey));
    const tasks = await Promise.all(
      mails.map((m) =>
        waitFor('the task in the read model', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${m.processInstanceId}`, { token: tokens.supervisor })).body[0]),
      ),
    );
    expect(tasks.map((t) => t.assignee)).toEqual([absent, absent, absent]);

    // when the supervisor opens the operations page from the menu, picks the absent agent and sees their tasks
    await page.getByTestId('nav-operations').click();
    await page.getByTestId('operations-page').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('operations-tab-reassign').click();
    await page.getByTestId('reassign-from').selectOption(absent);
    const row = (taskId: string) => page.locator(`[data-testid="reassign-task"][data-task-id="${taskId}"]`);
    for (const task of tasks) await row(task.id).waitFor();
    await expect(row(tasks[0]!.id).textContent()).resolves.toContain('دراسة الملف');
    await expect(row(tasks[0]!.id).textContent()).resolves.toContain(mails[0]!.chronoNumber);
    // the substitute list holds the people of the agent's department only
    const substitutes = await page.getByTestId('reassign-to').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(substitutes).toContain(standIn);
    expect(substitutes).toContain('head');
    expect(substitutes).not.toContain('cabinet');
    expect(substitutes).not.toContain(absent);

    // and ticks two of the three, picks the stand-in, and confirms with a reason
    await row(tasks[0]!.id).getByTestId('reassign-task-select').check();
    await row(tasks[1]!.id).getByTestId('reassign-task-select').check();
    await page.getByTestId('reassign-to').selectOption(standIn);
    await page.getByTestId('reassign-submit').click();
    const dialog = page.getByTestId('reassign-dialog');
    await dialog.waitFor();
    // a reason is required: confirming without one keeps the dialog open
    await dialog.getByTestId('operations-confirm').click();
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.getByTestId('operations-reason').fill('إجازة مرضية');
    await screenshot(page, 'reassign-dialog-ar');
    await dialog.getByTestId('operations-confirm').click();

    // then each of the two says done, and the page drops them from the agent's list
    const results = page.getByTestId('reassign-results');
    await results.waitFor();
    await expect(results.locator('[data-testid="operations-outcome"][data-state="done"]').count()).resolves.toBe(2);
    await row(tasks[0]!.id).waitFor({ state: 'detached', timeout: 15_000 });
    await row(tasks[1]!.id).waitFor({ state: 'detached', timeout: 15_000 });
    await row(tasks[2]!.id).waitFor();
    await screenshot(page, 'reassign-done-ar');

    // and the API agrees: the two tasks moved to the stand-in in the runtime and the read model, the third stayed
    expect((await runtimeApi<{ assignee: string }>('GET', `/task/${tasks[0]!.id}`)).assignee).toBe(standIn);
    expect((await runtimeApi<{ assignee: string }>('GET', `/task/${tasks[1]!.id}`)).assignee).toBe(standIn);
    expect((await runtimeApi<{ assignee: string }>('GET', `/task/${tasks[2]!.id}`)).assignee).toBe(absent);
    const ofStandIn = await api<UserTaskDto[]>('GET', `/api/user-tasks?assignee=${standIn}`, { token: tokens.supervisor });
    expect(ofStandIn.body.map((t) => t.id).sort()).toEqual([tasks[0]!.id, tasks[1]!.id].sort());
    // and asking for someone's tasks never widens what a user may see: the cabinet sees none of urbanism's
    expect((await api<UserTaskDto[]>('GET', `/api/user-tasks?assignee=${standIn}`, { token: tokens.cabinet })).body).toEqual([]);
    expect((await api<UserTaskDto[]>('GET', `/api/user-tasks?assignee=${standIn}`, { token: tokens.agent })).body.map((t) => t.id).sort()).toEqual([tasks[0]!.id, tasks[1]!.id].sort());
    // and an agent who types the page's address gets no operations
    const agentPage = await browser.newPage();
    await logIn(agentPage, 'agent', 'ar');
    await expect(agentPage.getByTestId('nav-operations').count()).resolves.toBe(0);
    await agentPage.goto(`${stack.engineUrl}/operations`);
    await agentPage.getByTestId('operations-not-allowed').waitFor();
    await agentPage.close();
  }, 180_000);

  it('lists the incidents of a failing worker with their cause and mail, and retries them from the page', async () => {
    // given two mails whose circuit fails on the stamp step
    const mails = [await mailRunning(KEY), await mailRunning(KEY)];
    const ids = mails.map((m) => m.processInstanceId);
    const incidents = await waitFor(
      'the two incidents',
      async () => {
        const res = await api<IncidentDto[]>('GET', `/api/operations/incidents?circuit=${KEY}`, { token: tokens.supervisor });
        const mine = res.body.filter((i) => ids.includes(i.processInstanceId));
        return mine.length === 2 ? mine : null;
      },
      30_000,
    );

    // when the supervisor opens the incidents tab
    await page.getByTestId('operations-tab-incidents').click();
    const row = (chrono: string) => page.locator(`[data-testid="incident-row"][data-chrono="${chrono}"]`);
    for (const mail of mails) await row(mail.chronoNumber).waitFor();

    // then each row names the step and the circuit in Arabic, links its mail by chrono number, and folds the worker's message
    const first = row(mails[0]!.chronoNumber);
    await expect(first.textContent()).resolves.toContain('وضع الختم');
    await expect(first.textContent()).resolves.toContain('مسار الختم');
    await expect(first.getByTestId('incident-mail').getAttribute('href')).resolves.toBe(`/mails/${mails[0]!.mailId}`);
    await expect(first.getByTestId('incident-cause').isVisible()).resolves.toBe(false);
    await first.locator('summary').click();
    await expect(first.getByTestId('incident-cause').textContent()).resolves.toBe(CAUSE);
    // and no raw id, JSON or ISO date shows on the page
    const text = (await page.getByTestId('operations-page').innerText()) ?? '';
    for (const incident of incidents) expect(text).not.toContain(incident.id);
    expect(text).not.toContain(ids[0]!);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).not.toContain('{"');
    await screenshot(page, 'incidents-ar');
    for (const language of ['fr', 'en'] as const) {
      await switchLanguage(page, language);
      // the engine names steps in the page's language: the list is fetched again
      await first.filter({ hasText: language === 'fr' ? 'Circuit du tampon' : 'Stamp circuit' }).waitFor();
      await screenshot(page, `incidents-${language}`);
    }
    await switchLanguage(page, 'ar');
    await first.filter({ hasText: 'وضع الختم' }).waitFor();

    // when the worker is fixed and the supervisor retries both at once, with a reason
    failing = false;
    for (const mail of mails) await row(mail.chronoNumber).getByTestId('incident-select').check();
    await page.getByTestId('incidents-retry').click();
    const dialog = page.getByTestId('incidents-retry-dialog');
    await dialog.getByTestId('operations-reason').fill('عادت خدمة الختم إلى العمل');
    await dialog.getByTestId('operations-confirm').click();

    // then both say done, and the rows leave the list live as the incidents resolve
    const results = page.getByTestId('incidents-results');
    await results.waitFor();
    for (const mail of mails) {
      await expect(results.locator(`[data-testid="operations-result"][data-chrono="${mail.chronoNumber}"] [data-testid="operations-outcome"]`).getAttribute('data-state')).resolves.toBe('done');
      await row(mail.chronoNumber).waitFor({ state: 'detached', timeout: 20_000 });
    }
    await screenshot(page, 'incidents-retried-ar');

    // and the circuits went on to their end, with no incident left
    for (const id of ids) {
      await waitFor(`instance ${id} to complete`, async () => (await runtimeApi<{ state: string }>('GET', `/history/process-instance/${id}`)).state === 'COMPLETED', 30_000);
    }
    const after = await api<IncidentDto[]>('GET', `/api/operations/incidents?circuit=${KEY}`, { token: tokens.supervisor });
    expect(after.body.filter((i) => ids.includes(i.processInstanceId))).toEqual([]);
  }, 180_000);

  it('opens a mail\'s circuit from the mail page, and shows the other tabs in words', async () => {
    // given a mail that runs its standard circuit
    const mail = await registerMail(tokens.registrar!, aMail());
    const mailId: string = mail.body.id;
    await waitFor('the mail\'s circuit', async () => (await api('GET', `/api/mails/${mailId}`, { token: tokens.supervisor })).body.processInstanceId, 45_000);

    // when the supervisor, reading Arabic, follows "operations on its circuit" from the mail page
    await page.goto(`${stack.engineUrl}/mails/${mailId}`);
    await switchLanguage(page, 'ar');
    await page.getByTestId('mail-operations').click();

    // then the instance tab shows the mail by chrono number, its circuit by name and version, and where it stands
    const card = page.getByTestId('instance-card');
    await card.filter({ hasText: /الإصدار \d+/ }).waitFor();
    const text = await card.innerText();
    expect(text).toContain(mail.body.chronoNumber);
    await expect(page.getByTestId('instance-active').innerText()).resolves.not.toBe('');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await screenshot(page, 'instance-ar');

    // and the dead letters and migration tabs open in Arabic
    await page.getByTestId('operations-tab-deadLetters').click();
    await page.locator('[data-testid="dead-letters"], [data-testid="dead-letters-empty"]').first().waitFor();
    await screenshot(page, 'dead-letters-ar');
    // and, once the circuit of the first test has a second version, the migration tab previews what maps where
    const v2 = await deployCircuit(
      tokens.admin!,
      reassignKey,
      userTaskCircuit(reassignKey, [
        { id: 'study', names: ['دراسة الملف', 'Étude du dossier', 'Case study'], group: 'urbanism', assignee: absent },
        { id: 'review', names: ['المراجعة', 'Relecture', 'Review'], group: 'urbanism' },
      ]),
    );
    expect(v2.version).toBe(2);
    await page.reload();
    await page.getByTestId('operations-tab-migration').click();
    await page.getByTestId('migration-circuit').selectOption(reassignKey);
    await page.locator('[data-testid="migration-source"] option', { hasText: 'الإصدار 1' }).waitFor({ state: 'attached' });
    await expect(page.getByTestId('migration-target').locator('option:checked').textContent()).resolves.toContain('الإصدار 2');
    await page.getByTestId('migration-preview-button').click();
    const mapped = page.getByTestId('migration-mapped');
    await mapped.first().waitFor();
    await expect(mapped.first().textContent()).resolves.toMatch(/دراسة الملف.*دراسة الملف\s*3/);
    await screenshot(page, 'migration-ar');
  }, 120_000);
});
