import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { UserTaskDto } from '@diwan/contracts';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';
import { loginableUsers } from './absences.fixtures.js';
import { aMail, registerMail } from './mail.fixtures.js';
import { deployCircuit, uniqueName, userTaskCircuit } from './operations.fixtures.js';

// Screenshots of the absences page and the substitute's inbox, in Arabic, for people to look at.
const SCREENSHOTS = path.resolve('test-results/absences');
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A wall-clock time on the administration's clock (the stack's default zone), as a datetime-local input takes it. */
const wallClock = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Africa/Tunis', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at).replace(' ', 'T');

describe('absences in a real browser, in Arabic', () => {
  const absent = uniqueName('absent');
  const substitute = uniqueName('subst');
  const names = { [absent]: 'سلمى الغائبة', [substitute]: 'بلال النائب' };
  let browser: Browser;
  let taskId: string;

  beforeAll(async () => {
    await loginableUsers([
      { username: absent, displayName: names[absent]!, departments: ['urbanism'] },
      { username: substitute, displayName: names[substitute]!, departments: ['urbanism'] },
    ]);
    const admin = (await login('admin')).token;
    const registrar = (await login('registrar')).token;
    const key = uniqueKey('absence_e2e').replace(/-/g, '_');
    await deployCircuit(admin, key, userTaskCircuit(key, [{ id: 'study', names: ['دراسة الملف', 'Étude du dossier', 'Case study'], group: 'urbanism', assignee: absent }]));
    const mail = await registerMail(registrar, aMail());
    const instance = await runtimeApi<{ id: string }>('POST', `/process-definition/key/${key}/start`, { businessKey: mail.body.id });
    taskId = (await waitFor('the task', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${instance.id}`, { token: admin })).body[0])).id;
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => void (await browser?.close()));

  it('a head declares an agent absent with a colleague as substitute; the substitute sees the banner and the task; the head ends it', async () => {
    // given the head on the absences page, in Arabic
    const head = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(head, 'head', 'ar');
    await head.getByTestId('nav-absences').click();
    await head.getByTestId('absence-form').waitFor();
    expect(await head.locator('html').getAttribute('dir')).toBe('rtl');

    // when they pick the agent, a substitute among the agent's colleagues, and a period from now for two hours
    await head.getByTestId('absence-person').selectOption(absent);
    await head.locator(`[data-testid="absence-substitute"] option[value="${substitute}"]`).waitFor({ state: 'attached' });
    const offered = await head.getByTestId('absence-substitute').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining([substitute, 'agent']));
    expect(offered).not.toContain(absent);
    expect(offered).not.toContain('cabinet');
    await head.getByTestId('absence-substitute').selectOption(substitute);
    await head.getByTestId('absence-from').fill(wallClock(new Date()));
    await head.getByTestId('absence-to').fill(wallClock(new Date(Date.now() + 2 * 3_600_000)));
    await head.getByTestId('absence-reason').fill('عطلة مرضية');
    await head.getByTestId('absence-declare').click();

    // then the absence is listed under way, with the people by name and the dates in Arabic words
    const row = head.locator('[data-testid="absences-department"] [data-testid="absence-row"]').filter({ hasText: names[absent]! });
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('current');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(names[substitute]);
    expect(text).toContain('جارٍ');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await screenshot(head, 'absences-head-ar');

    // and the substitute, in their inbox, reads whom they replace, and has the task
    await waitFor('the task to reach the substitute', async () => (await runtimeApi<{ assignee: string }>('GET', `/task/${taskId}`)).assignee === substitute);
    const subst = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(subst, substitute, 'ar');
    const banner = subst.getByTestId('replacing-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`أنت تنوب عن ${names[absent]}`);
    await subst.getByText('دراسة الملف').first().waitFor();
    await screenshot(subst, 'inbox-substitute-ar');

    // when the head ends the absence early, then it is ended and the task goes back
    await row.getByTestId('absence-end').click();
    await waitFor('the row to say ended', async () => (await row.getAttribute('data-status')) === 'ended');
    await waitFor('the task to go back', async () => (await runtimeApi<{ assignee: string }>('GET', `/task/${taskId}`)).assignee === absent);
    await screenshot(head, 'absences-ended-ar');
  }, 120_000);
});
