import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { MailDto, UserTaskDto } from '@diwan/contracts';
import { launchBrowser, logIn, switchLanguage } from '../harness/browser.js';
import { api, login, runtimeApi, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';

// Screenshots in Arabic, French and English, for people to look at (not compared).
const SCREENSHOTS = path.resolve('test-results/dashboard');
const TZ = 'Africa/Tunis';
const dayIn = (at: Date | string) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A figure's count, as the page states it (`data-count`), and the text a reader sees. */
async function figure(locator: Locator): Promise<{ count: number; text: string }> {
  if (!(await locator.count())) return { count: 0, text: '' };
  return { count: Number(await locator.getAttribute('data-count')), text: ((await locator.textContent()) ?? '').trim() };
}

describe('the supervision dashboard, in a real browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const tokens: Record<string, string> = {};
  const openTask = (user: string, mailId: string, key: string) =>
    waitFor(`${key} of ${mailId} for ${user}`, async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body.find((t) => t.taskDefinitionKey === key && t.status === 'open'), 45_000);
  const complete = (user: string, id: string, variables: Record<string, unknown>) => api('POST', `/api/user-tasks/${id}/complete`, { token: tokens[user], body: { variables } });
  const newPage = async (username: string, language: 'ar' | 'fr' | 'en'): Promise<Page> => {
    // (charts drawn without animation, so that a screenshot never catches one moving)
    const context = await browser.newContext({ locale: language === 'ar' ? 'ar-TN' : language, viewport: { width: 1440, height: 1000 }, reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, username, language);
    return page;
  };

  /** The mails the runtime says are open with the agent and past their deadline: what the register must list. */
  async function agentOverdueMails(): Promise<Set<string>> {
    const tasks = await runtimeApi<{ processInstanceId: string }[]>('GET', '/task?assignee=agent&maxResults=1000');
    const today = dayIn(new Date());
    const late = new Set<string>();
    for (const { processInstanceId } of tasks) {
      const { businessKey } = await runtimeApi<{ businessKey: string | null }>('GET', `/process-instance/${processInstanceId}`);
      if (!businessKey) continue;
      const mail = await api<MailDto>('GET', `/api/mails/${businessKey}`, { token: tokens.supervisor });
      if (mail.status === 200 && mail.body.dueDate && mail.body.dueDate.slice(0, 10) < today) late.add(businessKey);
    }
    return late;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const user of ['registrar', 'cabinet', 'head', 'agent', 'supervisor']) tokens[user] = (await login(user)).token;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('moves without a reload when an agent completes a task, and an overdue count opens exactly its mails', async () => {
    // given two mails for urban planning, past their deadline, each with the agent
    const late: MailDto[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await registerMail(tokens.registrar!, aMail({ channel: 'post', receivedAt: isoDaysAgo(10), dueDate: isoDaysAgo(3).slice(0, 10) }));
      expect(res.status).toBe(201);
      late.push(res.body as MailDto);
    }
    for (const mail of late) {
      expect((await complete('cabinet', (await openTask('cabinet', mail.id, 'triage')).id, { forAction: ['urbanism'], instruction: 'للمعالجة' })).status).toBe(204);
      expect((await complete('head', (await openTask('head', mail.id, 'assign_agent')).id, { agent: 'agent' })).status).toBe(204);
    }
    const processing = await openTask('agent', late[0]!.id, 'process_mail');
    await openTask('agent', late[1]!.id, 'process_mail');

    // when the supervisor opens the dashboard, in Arabic, from the navigation
    const supervisor = await newPage('supervisor', 'ar');
    await supervisor.getByTestId('nav-dashboard').click();
    await supervisor.getByTestId('dashboard-open-by-person').waitFor();
    expect(await supervisor.locator('html').getAttribute('dir')).toBe('rtl');
    const agentRow = supervisor.locator('[data-testid="dashboard-open-by-person"] tbody tr[data-key="agent"]');
    const agentOverdue = agentRow.locator('td[data-state="overdue"]');
    const agentOpen = agentRow.locator('td[data-state="open"]');
    const agentSteps = supervisor.locator('[data-testid="dashboard-durations-byPerson"] tbody tr[data-key="agent"] td').nth(0);
    // the figures settle once the projection has seen both mails reach the agent
    await waitFor('the agent to hold both late mails on the dashboard', async () => (await figure(agentOverdue)).count >= 2);
    const before = { overdue: await figure(agentOverdue), open: await figure(agentOpen), steps: (await agentSteps.count()) ? Number(await agentSteps.textContent()) : 0 };
    expect(before.overdue.text).toBe(String(before.overdue.count));
    const updatedBefore = await supervisor.getByTestId('dashboard-updated-at').getAttribute('data-computed-at');
    expect(await supervisor.getByTestId('dashboard-updated-at').textContent()).toMatch(/[\u0600-\u06FF]/);
    await supervisor.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await screenshot(supervisor, 'dashboard-ar-before');

    // when the agent, in a second page, opens one of them from the inbox and completes it with the form
    const agent = await newPage('agent', 'ar');
    const row = agent.getByTestId('user-task-row').filter({ hasText: late[0]!.chronoNumber! });
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('user-task-open').click();
    const form = agent.locator('[data-testid="task-form"][data-state="ready"]');
    await form.waitFor();
    await form.locator('.fjs-form-field-textarea textarea').last().fill('مشروع جواب');
    const outcome = form.locator('.fjs-form-field-select');
    await outcome.locator('.fjs-input-group').click();
    await outcome.locator('.fjs-dropdownlist-item').first().click();
    await agent.getByTestId('task-form-submit').click();
    await agent.waitForURL(/\/inbox$/);
    await waitFor('the task to be completed', async () => (await api<UserTaskDto>('GET', `/api/user-tasks/${processing.id}`, { token: tokens.supervisor })).body.status !== 'open');

    // then, without a reload, the agent's open and overdue mails drop by exactly one, and the agent has one more step done
    await supervisor.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="dashboard-open-by-person"] tbody tr[data-key="agent"] td[data-state="overdue"]')?.getAttribute('data-count')) === n,
      before.overdue.count - 1,
      { timeout: 15_000 },
    );
    expect(await supervisor.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const after = { overdue: await figure(agentOverdue), open: await figure(agentOpen) };
    expect(after.overdue).toEqual({ count: before.overdue.count - 1, text: String(before.overdue.count - 1) });
    expect(after.open).toEqual({ count: before.open.count - 1, text: String(before.open.count - 1) });
    await waitFor('the agent step count to grow', async () => (await agentSteps.count()) > 0 && Number(await agentSteps.textContent()) >= before.steps + 1); // (other files' agent steps may add more)
    expect(await supervisor.getByTestId('dashboard-updated-at').getAttribute('data-computed-at')).not.toBe(updatedBefore);
    // and the live feed says it in a sentence: who, which step (its Arabic name), which mail; no id, no ISO date
    const line = supervisor.locator('[data-testid="dashboard-feed-item"][data-kind="userTask.completed"]').filter({ hasText: late[0]!.chronoNumber! }).filter({ hasText: 'معالجة المراسلة' }).first(); // (its earlier steps are in the feed too)
    await line.waitFor();
    const sentence = (await line.textContent()) ?? '';
    expect(sentence).toContain('يوسف الغربي');
    expect(sentence).toContain('معالجة المراسلة');
    expect(sentence).not.toContain(processing.id);
    expect(sentence).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(await supervisor.locator('[data-testid="dashboard"]').textContent()).not.toMatch(/[0-9a-f]{24}|\d{4}-\d{2}-\d{2}T|undefined|NaN|\bdashboard\./);
    await screenshot(supervisor, 'dashboard-ar-after');

    // when the supervisor clicks the agent's overdue count, once
    const expected = await agentOverdueMails();
    expect(expected.has(late[1]!.id)).toBe(true);
    expect(expected.has(late[0]!.id)).toBe(false);
    expect(expected.size).toBe(after.overdue.count);
    await agentOverdue.locator('a').click();

    // then the register lists exactly those mails, and says what it shows
    await supervisor.waitForURL(/\/registry\?/);
    // (in words: which mails, whose; no username)
    await supervisor.getByTestId('registry-open-work').filter({ hasText: 'يوسف الغربي' }).waitFor();
    expect(await supervisor.getByTestId('registry-open-work').textContent()).toContain('المتأخرة');
    await supervisor.getByTestId('registry-table').waitFor();
    const listed = new Set(await supervisor.getByTestId('registry-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-mail-id')!)));
    expect(listed).toEqual(expected);
    expect(await supervisor.getByTestId('registry-total').textContent()).toMatch(new RegExp(`${expected.size}|مراسل`));
    await screenshot(supervisor, 'registry-overdue-ar');

    // when the supervisor comes back, and the head validates the answered mail, which its circuit archives three days late
    await supervisor.goBack();
    await supervisor.getByTestId('dashboard-open-by-person').waitFor();
    // (other files close urbanism's mails in the same run: the row is read before and after, "(on time من closed)")
    const urbanism = supervisor.locator('[data-testid="dashboard-compliance-table"] tr[data-key="urbanism"]');
    const compliance = async () => {
      const text = (await urbanism.count()) ? ((await urbanism.textContent()) ?? '') : '';
      const [, onTime = '0', closed = '0'] = text.match(/\((\d+) من (\d+)\)/) ?? [];
      return { onTime: Number(onTime), closed: Number(closed) };
    };
    const compliantBefore = await compliance();
    expect((await complete('head', (await openTask('head', late[0]!.id, 'validate')).id, { approved: true })).status).toBe(204);
    // then, without a reload, urban planning's deadline compliance counts it, late: one more closed, not on time
    await waitFor('the compliance row to count the late mail', async () => {
      const now = await compliance();
      return now.closed - now.onTime >= compliantBefore.closed - compliantBefore.onTime + 1;
    }, 45_000);
    await screenshot(supervisor, 'dashboard-ar-compliance');

    // and the dashboard reads in French and in English too, its filters kept in the URL
    for (const language of ['fr', 'en'] as const) {
      await switchLanguage(supervisor, language);
      await supervisor.getByTestId('dashboard-period').selectOption('quarter');
      await supervisor.waitForURL(/period=quarter/);
      await supervisor.locator('[data-testid="dashboard-range"]').filter({ hasText: language === 'fr' ? 'trimestre' : 'quarter' }).waitFor();
      expect(await supervisor.locator('html').getAttribute('dir')).toBe('ltr');
      expect(await supervisor.locator('[data-testid="dashboard"]').textContent()).not.toMatch(/[0-9a-f]{24}|\d{4}-\d{2}-\d{2}T|undefined|NaN|\bdashboard\./);
      await screenshot(supervisor, `dashboard-${language}`);
      await supervisor.getByTestId('dashboard-period').selectOption('month');
    }
  });

  it("shows a head his own department only, its lists one click away; an agent has no dashboard", async () => {
    // given the head of urban planning, on the dashboard in French
    const head = await newPage('head', 'fr');
    await head.getByTestId('nav-dashboard').click();
    await head.getByTestId('dashboard-open-by-department').waitFor();
    // then the departments are his only
    const departments = await head.locator('[data-testid="dashboard-open-by-department"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
    expect(departments).toEqual(['urbanism']);
    // and one click on his open total lists exactly that many mails
    // (other files open and close urbanism's mails meanwhile: the figure and the list are read again until they were read
    // between two such changes; the register shows 25 a page, and other files may have left more open for urbanism)
    await waitFor('the open list to hold as many mails as the figure that opened it', async () => {
      const open = await figure(head.getByTestId('dashboard-open-open'));
      expect(open.count).toBeGreaterThan(0);
      await head.getByTestId('dashboard-open-open').click();
      await head.getByTestId('registry-open-work').filter({ hasText: "Service de l'urbanisme" }).waitFor();
      await head.getByTestId('registry-table').waitFor();
      const listed = await head.getByTestId('registry-row').count();
      if (listed === Math.min(open.count, 25)) return true;
      await head.goBack();
      await head.getByTestId('dashboard-open-by-department').waitFor();
      return false;
    }, 30_000);

    // given an agent: no dashboard in the menu, and the page itself refuses in words
    const agent = await newPage('agent', 'fr');
    expect(await agent.getByTestId('nav-dashboard').count()).toBe(0);
    await agent.goto(agent.url().replace(/\/inbox.*$/, '/dashboard'));
    const refusal = agent.locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toMatch(/[{}]|forbidden|not_allowed|\b403\b/i);
    await screenshot(agent, 'dashboard-agent-refused-fr');
  });
});
