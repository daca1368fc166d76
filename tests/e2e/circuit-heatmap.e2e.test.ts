import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { UserTaskDto } from '@diwan/contracts';
import { launchBrowser, logIn, switchLanguage } from '../harness/browser.js';
import { api, login, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { mailWithCircuit } from '../scenarios/mail.fixtures.js';
import { reviewCircuit } from './circuit-views.fixtures.js';

// Screenshots in Arabic and French, for people to look at (not compared).
const SCREENSHOTS = path.resolve('test-results/circuit-heatmap');

interface HistoryRow {
  id: string;
  instances: number;
  finished: number;
  canceled: number;
}

/** The runtime's own history statistics of a circuit: passes (open + finished) per step, uncoloured frames left out. */
async function runtimePasses(definitionId: string, startedAfter?: string): Promise<Map<string, number>> {
  const q = new URLSearchParams({ finished: 'true', canceled: 'true', ...(startedAfter ? { startedAfter } : {}) });
  const rows = await runtimeApi<HistoryRow[]>('GET', `/history/process-definition/${encodeURIComponent(definitionId)}/statistics?${q}`);
  const { bpmn20Xml } = await runtimeApi<{ bpmn20Xml: string }>('GET', `/process-definition/${encodeURIComponent(definitionId)}/xml`);
  const frames = new Set([...bpmn20Xml.matchAll(/<bpmndi:BPMNShape\b[^>]*>/g)].filter(([tag]) => /isExpanded="true"/.test(tag)).map(([tag]) => /bpmnElement="([^"]+)"/.exec(tag)![1]));
  return new Map(rows.filter((r) => !r.id.includes('#') && !frames.has(r.id) && r.instances + r.finished > 0).map((r) => [r.id, r.instances + r.finished]));
}

/** An end of the legend's scale (a legend with one value, every step alike, shows it once). */
async function legendValue(page: Page, end: 'min' | 'max'): Promise<number> {
  const single = (await page.getByTestId('heat-legend').getAttribute('data-state')) === 'single';
  return Number(await page.getByTestId(`heat-legend-${single ? 'max' : end}`).getAttribute('data-value'));
}
const value = (page: Page, testId: string, id: string) => page.locator(`[data-testid="${testId}"][data-activity-id="${id}"]`);

/** The fill the renderer gave a step's shape, as `#rrggbb`. */
async function shapeFill(page: Page, id: string): Promise<string> {
  const fill = await page.locator(`[data-testid="bpmn-canvas"] .djs-element[data-element-id="${id}"] .djs-visual > :first-child`).evaluate((el) => getComputedStyle(el).fill);
  const [r, g, b] = fill.match(/\d+/g)!.map(Number);
  return `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the heatmap of a circuit, in a real browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const tokens: Record<string, string> = {};
  const openLivePage = async (username: string, definitionId: string, query = ''): Promise<Page> => {
    const context = await browser.newContext({ locale: 'ar-TN', viewport: { width: 1440, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, username, 'ar');
    await page.goto(`${stack.engineUrl}/circuits/${encodeURIComponent(definitionId)}/live${query}`);
    await page.locator('[data-testid="bpmn-canvas"][data-state="ready"]').waitFor();
    await page.getByTestId('heat-legend').waitFor();
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const user of ['registrar', 'cabinet', 'supervisor', 'admin']) tokens[user] = (await login(user)).token;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('colours the steps by passes with the runtime history counts, and follows a completed task without a reload', async () => {
    // given two registered mails whose standard circuit waits at its first user task
    const [{ mailId, processInstanceId }, other] = await Promise.all([mailWithCircuit(tokens.registrar!), mailWithCircuit(tokens.registrar!)]);
    const triageOf = (id: string) =>
      waitFor('the triage task', async () => {
        const res = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${id}`, { token: tokens.cabinet });
        return res.body.find((t) => t.taskDefinitionKey === 'triage' && t.status === 'open');
      }, 45_000);
    const [triage] = await Promise.all([triageOf(mailId), triageOf(other.mailId)]);
    const { definitionId } = await runtimeApi<{ definitionId: string }>('GET', `/process-instance/${processInstanceId}`);

    // when the supervisor opens the circuit's live page, in Arabic
    const page = await openLivePage('supervisor', definitionId);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('bpmn-canvas').getAttribute('dir')).toBe('ltr');

    // then the legend's ends are the smallest and largest passes the runtime counts, each reached step
    // shows its passes, and the live badge at triage the runtime's tokens there (other tests may move
    // mails meanwhile: compared until the page has caught up)
    const before = await waitFor('the page to match the runtime history', async () => {
      const passes = await runtimePasses(definitionId);
      const [min, max] = [Math.min(...passes.values()), Math.max(...passes.values())];
      if ((await legendValue(page, 'max')) !== max || (await legendValue(page, 'min')) !== min) return null;
      const shown = new Map(await page.locator('[data-testid="live-count"]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-activity-id')!, Number(el.getAttribute('data-value'))] as const)));
      if ([...passes].some(([id, n]) => shown.has(id) && shown.get(id) !== n) || shown.size === 0) return null;
      const running = await runtimeApi<{ id: string; instances: number }[]>('GET', `/process-definition/${encodeURIComponent(definitionId)}/statistics`);
      const atTriage = running.find((r) => r.id === 'triage')?.instances ?? 0;
      const badge = value(page, 'live-running', 'triage');
      const shownAtTriage = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;
      return shownAtTriage === atTriage ? passes : null;
    });
    expect(await page.getByTestId('heat-legend').getAttribute('data-state')).toBe(Math.min(...before.values()) === Math.max(...before.values()) ? 'single' : 'scale');
    // and each coloured shape is filled with its colour on the scale
    const triageColour = await value(page, 'live-count', 'triage').getAttribute('data-colour');
    expect(await shapeFill(page, 'triage')).toBe(triageColour);
    expect(await shapeFill(page, 'mail_handling')).toBe('#ffffff'); // a frame around steps stays white
    // and the legend shows no sample figure
    expect(await page.locator('.live-legend').textContent()).not.toMatch(/\d/);
    expect(await page.getByTestId('heat-legend').textContent()).toMatch(/[\u0600-\u06FF]/);
    await screenshot(page, 'heatmap-count-ar');

    // when the cabinet completes the triage through the API, behind the page's back
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const assignBefore = before.get('assign_agent') ?? 0;
    const completed = await api('POST', `/api/user-tasks/${triage.id}/complete`, { token: tokens.cabinet, body: { variables: { forAction: ['urbanism'], instruction: 'للمعالجة' } } });
    expect(completed.status).toBe(204);

    // then without a reload, the head's step is reached once more (at least: other tests may triage too), coloured, and
    // the page keeps matching the runtime
    const completedAt = Date.now();
    await page.waitForFunction(
      ({ n }) => Number(document.querySelector('[data-testid="live-count"][data-activity-id="assign_agent"]')?.getAttribute('data-value') ?? 0) >= n,
      { n: assignBefore + 1 },
      { timeout: 10_000 },
    );
    console.log(`heatmap moved ${Date.now() - completedAt} ms after the completion`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await shapeFill(page, 'assign_agent')).toBe(await value(page, 'live-count', 'assign_agent').getAttribute('data-colour'));
    await value(page, 'live-running', 'assign_agent').waitFor();
    const after = await waitFor('the legend to match the runtime history again', async () => {
      const passes = await runtimePasses(definitionId);
      const shown = Number(await value(page, 'live-count', 'assign_agent').getAttribute('data-value'));
      const ends = (await legendValue(page, 'max')) === Math.max(...passes.values()) && (await legendValue(page, 'min')) === Math.min(...passes.values());
      return ends && shown === passes.get('assign_agent') ? passes : null;
    });
    // (two mails reached triage, one went on: a real scale, from the lightest colour for the least reached step to the darkest)
    expect(await page.getByTestId('heat-legend').getAttribute('data-state')).toBe('scale');
    // (other tests move mails meanwhile: the least and most reached steps are read from the page, with their fills, until
    // the fills have followed the figures)
    expect(after.size).toBeGreaterThan(1);
    const ends = await waitFor('the least and most reached steps to be coloured as the ends of the scale', async () => {
      const shown = await page.locator('[data-testid="live-count"]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-activity-id')!, Number(el.getAttribute('data-value'))] as const));
      const ranked = shown.sort((a, b) => a[1] - b[1]);
      const fills = [await shapeFill(page, ranked[0]![0]), await shapeFill(page, ranked.at(-1)![0])];
      return fills[0] === '#fef0d9' && fills[1] === '#e34a33' ? fills : null;
    });
    expect(ends).toEqual(['#fef0d9', '#e34a33']);

    // when the supervisor colours by average time
    await page.getByTestId('heat-metric-duration').click();
    await page.locator('[data-testid="heat-legend"][data-metric="duration"]').waitFor();
    // then the completed triage has an average in words, and the legend's ends are the steps' smallest and largest averages
    const average = value(page, 'live-average', 'triage');
    await average.waitFor();
    expect(await average.textContent()).toMatch(/[\u0600-\u06FF]/);
    const averages = await page.locator('[data-testid="live-average"]').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
    expect(await legendValue(page, 'max')).toBe(Math.max(...averages));
    expect(await legendValue(page, 'min')).toBe(Math.min(...averages));
    expect(await shapeFill(page, 'triage')).toBe(await average.getAttribute('data-colour'));
    expect(await page.getByTestId('heat-legend-max').textContent()).toMatch(/[\u0600-\u06FF]/);
    expect(new URL(page.url()).searchParams.get('metric')).toBe('duration');
    await screenshot(page, 'heatmap-duration-ar');

    // and over the last 7 days, the counts are the runtime's for the instances started since then
    await page.getByTestId('heat-metric-count').click();
    await page.getByTestId('heat-period').selectOption('7d');
    await page.locator('[data-testid="heat-legend"][data-metric="count"]').waitFor();
    await waitFor('the 7-day legend', async () => {
      const since = await page.getByTestId('heat-legend-coverage').textContent();
      if (!since?.match(/\d{4}/)) return false;
      const stats = await api('GET', `/api/circuits/${encodeURIComponent(definitionId)}/stats?period=7d`, { token: tokens.supervisor });
      const passes = await runtimePasses(definitionId, String(stats.body.since).replace('Z', '+0000'));
      return (await legendValue(page, 'max')) === Math.max(...passes.values());
    });

    // and in French, the same page speaks French with the same numbers
    await page.getByTestId('heat-period').selectOption('all');
    await switchLanguage(page, 'fr');
    await page.locator('html[lang="fr"]').waitFor();
    expect(await page.getByTestId('heat-legend').textContent()).toContain('Couleur');
    await screenshot(page, 'heatmap-count-fr');
    await page.getByTestId('heat-metric-duration').click();
    await average.waitFor();
    expect(await average.textContent()).toMatch(/\d+\s(s|min|h|j)\b/);
    await screenshot(page, 'heatmap-duration-fr');
  });

  it('says in words that a circuit without history has nothing to colour', async () => {
    // given a circuit deployed just now, never started
    const key = uniqueKey('heat').replace(/-/g, '_');
    const form = new FormData();
    form.append('files', new Blob([reviewCircuit(key)]), `${key}.bpmn`);
    const deployed = await fetch(`${stack.engineUrl}/api/circuits`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: form }).then((r) => r.json());
    const definitionId: string = deployed.circuits[0].id;

    // when the supervisor opens its live page
    const page = await openLivePage('supervisor', definitionId);

    // then the legend says so, with no scale and no figure, and no shape is coloured
    expect(await page.getByTestId('heat-legend').getAttribute('data-state')).toBe('empty');
    expect(await page.getByTestId('heat-legend-empty').textContent()).toMatch(/[\u0600-\u06FF]/);
    expect(await page.getByTestId('heat-legend-max').count()).toBe(0);
    expect(await page.getByTestId('heat-legend').textContent()).not.toMatch(/\d/);
    expect(await shapeFill(page, 'step')).toBe('#ffffff');
    await screenshot(page, 'heatmap-empty-ar');

    // and the API refuses a bad period, an unknown circuit, and the roles that don't supervise
    const path = `/api/circuits/${encodeURIComponent(definitionId)}/stats`;
    expect((await api('GET', `${path}?period=1y`, { token: tokens.supervisor })).status).toBe(400);
    expect((await api('GET', `/api/circuits/${encodeURIComponent(`${key}:9:nope`)}/stats`, { token: tokens.supervisor })).status).toBe(404);
    for (const user of ['registrar', 'cabinet']) expect((await api('GET', path, { token: tokens[user] })).status).toBe(403);
    expect((await api('GET', path)).status).toBe(401);
  });
});
