import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, switchLanguage, requestsWhileIdle } from '../harness/browser.js';
import { api, login, runtimeApi, stack, uniqueKey } from '../harness/stack.js';
import { draftVersion1, draftVersion2, reviewCircuit } from './circuit-views.fixtures.js';

// Screenshots of both pages, in French and Arabic, for people to look at (not compared).
const SCREENSHOTS = path.resolve('test-results/circuit-views');

async function deploy(token: string, name: string, content: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('files', new Blob([content]), name);
  const res = await fetch(`${stack.engineUrl}/api/circuits`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.json() };
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const element = (page: Page, canvas: string, id: string) => page.locator(`[data-testid="${canvas}"] .djs-element[data-element-id="${id}"]`);

describe('circuit views in a real browser', () => {
  let browser: Browser;
  let admin: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = (await login('admin')).token;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('compares two versions of a draft with added, removed, changed and moved elements coloured', async () => {
    // given a draft saved in two named versions
    const key = uniqueKey('diff').replace(/-/g, '_');
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Courrier arrivé', xml: draftVersion1(key) } });
    expect(created.status).toBe(201);
    const id: string = created.body._id;
    expect((await api('POST', `/api/circuit-drafts/${id}/versions`, { token: admin, body: { label: 'première version' } })).status).toBe(201);
    const saved = await api('PUT', `/api/circuit-drafts/${id}`, { token: admin, body: { xml: draftVersion2(key), forms: [], revision: created.body.revision } });
    expect(saved.status).toBe(200);
    expect((await api('POST', `/api/circuit-drafts/${id}/versions`, { token: admin, body: { label: 'avec signature' } })).status).toBe(201);

    // when the admin opens the comparison of versions 1 and 2
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, 'admin', 'fr');
    await page.goto(`${stack.engineUrl}/circuits/drafts/${id}/diff?a=1&b=2`);
    await page.locator('[data-testid="circuit-diff"][data-state="done"]').waitFor();
    await page.locator('[data-testid="diff-canvas-a"][data-state="ready"]').waitFor();
    await page.locator('[data-testid="diff-canvas-b"][data-state="ready"]').waitFor();
    expect(await requestsWhileIdle(page)).toEqual([]); // left alone, it asks the engine nothing twice

    // then the old side shows what went, the new side what came, both what changed or moved
    await expect(element(page, 'diff-canvas-a', 'archive').getAttribute('class')).resolves.toContain('diff-removed');
    await expect(element(page, 'diff-canvas-a', 'f3').getAttribute('class')).resolves.toContain('diff-removed');
    await expect(element(page, 'diff-canvas-b', 'sign').getAttribute('class')).resolves.toContain('diff-added');
    await expect(element(page, 'diff-canvas-b', 'f4').getAttribute('class')).resolves.toContain('diff-added');
    await expect(element(page, 'diff-canvas-a', 'review').getAttribute('class')).resolves.toContain('diff-changed');
    await expect(element(page, 'diff-canvas-b', 'review').getAttribute('class')).resolves.toContain('diff-changed');
    await expect(element(page, 'diff-canvas-b', 'end').getAttribute('class')).resolves.toContain('diff-layout');
    await expect(element(page, 'diff-canvas-b', 'start').getAttribute('class')).resolves.not.toMatch(/diff-/);
    // and the list names them, with the renamed step's old and new names
    const change = (kind: string, elementId: string) => page.locator(`[data-testid="diff-change"][data-kind="${kind}"][data-element-id="${elementId}"]`);
    await expect(change('added', 'sign').textContent()).resolves.toContain('Signature');
    await expect(change('removed', 'archive').textContent()).resolves.toContain('Archivage');
    const renamed = await change('changed', 'review').textContent();
    expect(renamed).toMatch(/Relecture\s*→\s*Relecture juridique/);
    await screenshot(page, 'diff-fr');

    // and the same page reads right to left in Arabic, markers kept
    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(element(page, 'diff-canvas-b', 'sign').getAttribute('class')).resolves.toContain('diff-added');
    await screenshot(page, 'diff-ar');
    await page.close();
  });

  it('shows running instances and incidents on the live view of a circuit, without a reload', async () => {
    // given a deployed circuit whose live view is open
    const key = uniqueKey('live').replace(/-/g, '_');
    const deployed = await deploy(admin, `${key}.bpmn`, reviewCircuit(key));
    expect(deployed.status).toBe(201);
    const definitionId: string = deployed.body.circuits[0].id;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, 'admin', 'fr');
    await page.getByTestId('nav-circuits').click();
    await page.locator(`[data-testid="circuit-live-link"][data-circuit-id="${definitionId}"]`).click();
    await page.locator('[data-testid="bpmn-canvas"][data-state="ready"]').waitFor();
    await page.getByTestId('live-updated-at').waitFor();
    expect(await requestsWhileIdle(page)).toEqual([]); // left alone, it asks the engine nothing twice
    const running = page.locator('[data-testid="live-running"][data-activity-id="step"]');
    expect(await running.count()).toBe(0);

    // when an instance is started behind the page's back
    const started = await runtimeApi<{ id: string }>('POST', `/process-definition/${encodeURIComponent(definitionId)}/start`, { businessKey: uniqueKey('mail') });

    // then its user task shows a running badge, well before the 15 s poll
    await running.waitFor({ timeout: 10_000 });
    expect(await running.textContent()).toBe('1');
    expect(await page.getByTestId('live-total-running').getAttribute('data-count')).toBe('1');

    // and when the task is done and an incident is raised on a second instance, both show live
    const [userTask] = await runtimeApi<{ id: string }[]>('GET', `/task?processInstanceId=${started.id}`);
    await runtimeApi('POST', `/task/${userTask!.id}/complete`, {});
    const second = await runtimeApi<{ id: string }>('POST', `/process-definition/${encodeURIComponent(definitionId)}/start`, { businessKey: uniqueKey('mail') });
    const [secondTask] = await runtimeApi<{ executionId: string }[]>('GET', `/task?processInstanceId=${second.id}`);
    await runtimeApi('POST', `/execution/${secondTask!.executionId}/create-incident`, { incidentType: 'diwan-test', message: 'test incident' });
    await page.getByTestId('heat-metric-duration').click(); // (the heatmap colours by passes first)
    await page.locator('[data-testid="live-average"][data-activity-id="step"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="live-incidents"][data-activity-id="step"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="live-time-bar"][data-activity-id="step"]').waitFor();
    await screenshot(page, 'live-fr');

    await switchLanguage(page, 'ar');
    await page.locator('[data-testid="live-average"][data-activity-id="step"]').waitFor();
    await screenshot(page, 'live-ar');
    await page.close();
  });
});
