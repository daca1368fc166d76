/** Drawing helpers of the building permit test: the bpmn-js modeler and the form-js editor, driven as a person would. */
import path from 'node:path';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { waitFor } from '../harness/stack.js';
import { openListItemOf, openPanelGroup } from './properties-panel.js';

/** The form-js editor, in its dialog: one select field, a department picker with labels in three languages. */
export async function designStudyForm(page: Page, shots: string): Promise<void> {
  const designer = page.locator('[data-testid="form-designer"][data-state="ready"]');
  await designer.waitFor({ timeout: 30_000 });
  // "قائمة منسدلة" (Select) from the palette, added with the keyboard
  const entry = designer.locator('button.fjs-palette-field[data-field-type="select"]');
  expect(await entry.textContent()).toContain('قائمة منسدلة');
  await entry.focus();
  await entry.press('Enter');
  const field = designer.locator('.fjs-editor-container .fjs-form-field-select');
  await field.waitFor();
  await field.click();
  const panel = designer.locator('.fjs-properties-panel');
  /** Fills an entry of the field's panel, opening its group (collapsed at first) and its list item. */
  const fill = async (group: string, id: string, value: string) => {
    const input = panel.locator(`#bio-properties-panel-${id}`);
    await openPanelGroup(panel.locator(`[data-group-id="group-${group}"]`).first());
    await openListItemOf(panel, id);
    await input.waitFor().catch(async (error: Error) => {
      await page.screenshot({ path: path.join(shots, `failed-form-${id}.png`) });
      throw error;
    });
    await input.fill(value);
    await input.press('Tab');
  };
  await fill('general', 'label', 'المصلحة المختصة');
  await fill('general', 'key', 'department');
  // the custom properties: the picker's kind and the label in each language
  const custom = panel.locator('[data-group-id="group-custom-values"]');
  expect(await custom.locator('.bio-properties-panel-group-header-title').textContent()).toBe('خصائص إضافية');
  const properties: [string, string][] = [
    ['diwan.ref', 'department'],
    ['label.ar', 'المصلحة المختصة'],
    ['label.fr', 'Service compétent'],
    ['label.en', 'Competent department'],
  ];
  for (const [index, [key, value]] of properties.entries()) {
    await custom.locator('.bio-properties-panel-group-header .bio-properties-panel-add-entry').click();
    await fill('custom-values', `property-${index}-key`, key);
    await fill('custom-values', `property-${index}-value`, value);
  }
  await page.screenshot({ path: path.join(shots, '2a-form-editor.png') });
  await page.getByTestId('form-save').click();
  await page.getByTestId('form-designer').waitFor({ state: 'detached' });
}

/** The bpmn-js modeler of one page, driven as a person would: canvas, context pad, properties panel. */
export function modeler(page: Page) {
  const known = new Set<string>();
  const selectedId = () => page.locator('.djs-shape.selected').evaluateAll((els) => (els.length === 1 ? els[0]!.getAttribute('data-element-id') : null));
  /** An empty spot of the canvas, below the drawing. */
  const emptySpot = async () => {
    const box = (await page.getByTestId('modeler-canvas').boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height - 60 };
  };

  async function select(id: string) {
    if ((await selectedId()) === id && (await page.locator('.djs-context-pad.open').count()) > 0) return;
    await page.locator(`.djs-shape[data-element-id="${id}"]`).click();
    await page.locator(`.djs-shape.selected[data-element-id="${id}"]`).waitFor({ timeout: 5_000 });
  }

  async function openGroup(groupId: string, visible: string) {
    await openPanelGroup(page.locator(`[data-group-id="${groupId}"]`));
    await page.locator(visible).waitFor();
  }

  async function fillEntry(groupId: string, entryId: string, value: string) {
    const selector = `#bio-properties-panel-${entryId}`;
    await openGroup(groupId, selector);
    await page.locator(selector).fill(value);
    await page.locator(selector).press('Tab');
  }

  /** Appends from the selected element through its context pad, names it; returns the new element's id. */
  async function append(action: string, name: string): Promise<string> {
    const before = await selectedId();
    await page.locator(`.djs-context-pad .entry[data-action="${action}"]`).click();
    await page.keyboard.type(name);
    const spot = await emptySpot();
    await page.mouse.click(spot.x, spot.y);
    const id = await waitFor('the appended element', async () => {
      const ids = await page.locator('.djs-shape[data-element-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')));
      return ids.find((i) => i && i !== before && !i.endsWith('_label') && !known.has(i)) ?? null;
    });
    known.add(id);
    await select(id);
    return id;
  }

  async function replaceWith(id: string, target: string): Promise<string> {
    await select(id);
    await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
    await page.locator(`.djs-popup [data-id="replace-with-${target}"]`).click();
    await page.locator('.djs-popup').waitFor({ state: 'detached' });
    const replaced = (await selectedId())!;
    known.add(replaced);
    return replaced;
  }

  /** Ticks a department in the candidate groups picker, by its Arabic name. */
  async function pickGroup(name: string, code: string) {
    await openGroup('group-CamundaPlatform__UserAssignment', '[data-testid="picker-candidateGroups"]');
    const choice = page.getByTestId('picker-candidateGroups').locator('label', { hasText: name }).locator(`input[data-value="${code}"]`);
    await choice.check();
  }

  /** Applies the element template "Mail milestone" (template chooser) and picks the status. */
  async function applyMilestone(status: string) {
    const group = page.locator('[data-group-id="group-ElementTemplates__Template"]');
    await group.locator('.bio-properties-panel-group-header-buttons button').first().click();
    await page.locator('.djs-popup [data-id="apply-template-diwan.mail.milestone"]').click();
    await page.locator('.djs-popup').waitFor({ state: 'detached' });
    const select = page.locator('[data-group-id^="group-ElementTemplates__CustomProperties"] select').first();
    await openPanelGroup(page.locator('[data-group-id^="group-ElementTemplates__CustomProperties"]').first());
    await select.selectOption(status);
  }

  return {
    known,
    select,
    openGroup,
    fillEntry,
    append,
    replaceWith,
    pickGroup,
    applyMilestone,
    ready: () => page.locator('[data-testid="modeler-canvas"][data-state="ready"]').waitFor({ timeout: 30_000 }),
    saved: () => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 }),
    deselect: async () => {
      const spot = await emptySpot();
      await page.mouse.click(spot.x, spot.y);
    },
  };
}
