import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';

/** Drafts in a real browser, in Arabic: decisions (DMN) edited with dmn-js, search and delete in the list. */
describe('circuit drafts with decisions, in the browser', () => {
  let browser: Browser;
  let admin: string;
  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    browser = await launchBrowser();
    admin = (await login('admin')).token;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function arabicPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, 'admin', 'ar');
    return page;
  }

  const saved = (page: Page) => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
  const editorReady = (page: Page) => page.locator('[data-testid="dmn-editor"][data-state="ready"]').waitFor({ timeout: 30_000 });

  async function openDecisions(page: Page, draftId: string) {
    await page.goto(`${stack.engineUrl}/circuits/drafts/${draftId}`);
    await page.locator('[data-testid="modeler-canvas"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('modeler-tab-decisions').click();
    await page.getByTestId('decisions-panel').waitFor();
  }

  it('adds a decision table to a draft, edits a cell, renames the file, and finds it all after a reload', async () => {
    // given a blank draft, opened in Arabic on its decisions tab
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: `رخصة البناء ${uniqueKey('e2e')}` } });
    const draftId: string = created.body._id;
    const page = await arabicPage();
    await openDecisions(page, draftId);
    expect(await page.getByTestId('modeler-tab-decisions').textContent()).toContain('القرارات');

    // when the process owner adds a decision: an empty FEEL decision table opens, labelled in Arabic
    await page.getByTestId('decision-add').click();
    await editorReady(page);
    const table = page.locator('[data-testid="dmn-editor"] .tjs-table');
    await table.waitFor();
    expect(await page.locator('[data-testid="dmn-editor"] .hit-policy').textContent()).toContain('سياسة المطابقة');
    expect(await page.locator('[data-testid="dmn-editor"] .decision-table-header, [data-testid="dmn-editor"] thead').first().textContent()).toMatch(/عندما|مُدخل/);

    // and that empty table is a valid decision: it deploys with the circuit, under its own id
    await saved(page);
    const blank = await waitFor('the new decision saved', async () => (await api('GET', `/api/circuit-drafts/${draftId}`, { token: admin })).body.decisions?.[0]);
    const deployed = await api('POST', `/api/circuit-drafts/${draftId}/deploy`, { token: admin, body: { versionNumber: null } });
    expect(deployed.status).toBe(201);
    expect(await runtimeApi<unknown[]>('GET', `/decision-definition?key=${blank.file}`)).toEqual([expect.objectContaining({ key: blank.file, name: 'قرار 1' })]);

    // when the process owner adds a rule and types the department in its output cell
    await page.locator('[data-testid="dmn-editor"] tfoot td.add-rule.output-cell').click();
    const cell = page.locator('[data-testid="dmn-editor"] tbody td.output-cell').first();
    await cell.waitFor();
    await cell.click();
    await page.keyboard.type('"urbanism"');
    await page.locator('#decisions-title').click();
    await saved(page);

    // then the draft holds a valid decision file with the cell, FEEL (no other language named)
    const draft = await waitFor('the decision saved', async () => {
      const res = await api('GET', `/api/circuit-drafts/${draftId}`, { token: admin });
      return /urbanism/.test(res.body.decisions?.[0]?.xml ?? '') ? res.body : null;
    });
    expect(draft.decisions).toHaveLength(1);
    const file: string = draft.decisions[0].file;
    expect(file).toMatch(/^Decision_[a-z0-9]{7}$/);
    expect(draft.decisions[0].xml).toContain(`<decision id="${file}"`);
    expect(draft.decisions[0].xml).not.toMatch(/expressionLanguage="(?!feel)/);
    expect((await api('POST', `/api/circuit-drafts/${draftId}/validate`, { token: admin })).body.violations.filter((v: { file: string }) => v.file.endsWith('.dmn'))).toEqual([]);

    // when the file is renamed (a bad name is refused in the user's language first)
    await page.getByTestId('decision-rename').click();
    await page.getByTestId('decision-rename-input').fill('أقسام');
    expect(await page.locator('.decisions__error').textContent()).toContain('دون مسافات');
    expect(await page.getByTestId('decision-rename-save').isDisabled()).toBe(true);
    await page.getByTestId('decision-rename-input').fill('triage-departments');
    await page.getByTestId('decision-rename-save').click();
    await saved(page);
    await waitFor('the rename saved', async () => (await api('GET', `/api/circuit-drafts/${draftId}`, { token: admin })).body.decisions[0]?.file === 'triage-departments');
    await editorReady(page);
    await page.screenshot({ path: 'test-results/decisions-ar.png', fullPage: false });

    // then after a reload the decision is there, with the edited cell
    await page.reload();
    await openDecisions(page, draftId);
    expect(await page.locator('[data-testid="decision-file"]').getAttribute('data-file')).toBe('triage-departments');
    await page.getByTestId('decision-open').click();
    await editorReady(page);
    expect(await page.locator('[data-testid="dmn-editor"] tbody td.output-cell').first().textContent()).toContain('"urbanism"');
    await page.close();
  }, 120_000);

  it('searches the drafts list and deletes a draft after a confirmation in Arabic', async () => {
    // given two drafts that share a word
    const tag = uniqueKey('lst').replace(/-/g, '');
    const keep = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: `مسار الشكايات ${tag}` } });
    const drop = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: `مسار مؤقت ${tag}` } });
    const page = await arabicPage();
    await page.goto(`${stack.engineUrl}/circuits/drafts`);

    // when searching for the word, then only those two are listed
    await page.getByTestId('draft-search').fill(tag);
    await waitFor('the two drafts', async () => (await page.getByTestId('draft-row').count()) === 2);

    // when deleting one, a dialog in Arabic asks first; "cancel" keeps it
    const row = page.locator(`[data-testid="draft-row"][data-draft-id="${drop.body._id}"]`);
    await row.getByTestId('draft-delete').click();
    const dialog = page.getByTestId('draft-delete-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('حذف المسودة');
    expect(await dialog.textContent()).toContain(`مسار مؤقت ${tag}`);
    await page.screenshot({ path: 'test-results/draft-delete-ar.png' });
    await page.getByTestId('draft-delete-dialog-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect((await api('GET', `/api/circuit-drafts/${drop.body._id}`, { token: admin })).status).toBe(200);

    // and confirming deletes it
    await row.getByTestId('draft-delete').click();
    await page.getByTestId('draft-delete-dialog-confirm').click();
    await waitFor('one draft left', async () => (await page.getByTestId('draft-row').count()) === 1);
    expect(await page.getByTestId('draft-row').getAttribute('data-draft-id')).toBe(keep.body._id);
    expect((await api('GET', `/api/circuit-drafts/${drop.body._id}`, { token: admin })).status).toBe(404);

    // and a search that matches nothing says so
    await page.getByTestId('draft-search').fill(`لا-شيء-${tag}`);
    await page.getByTestId('draft-list-empty').waitFor();
    expect(await page.getByTestId('draft-list-empty').textContent()).toContain('لا توجد مسودة');
    await page.close();
  }, 90_000);
});
