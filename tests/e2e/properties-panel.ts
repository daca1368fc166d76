/** The properties panels of bpmn-js and form-js (@bpmn-io/properties-panel), driven as a person would. */
import type { Locator } from 'playwright-core';

/**
 * Opens a group of the panel unless it is open already, which its header tells by its `open` class.
 * Asking whether an entry is visible instead races with the panel's renders: entries render inside
 * a collapsed group too, and a header clicked before a just-added entry renders closes an open group.
 */
export async function openPanelGroup(group: Locator): Promise<void> {
  const header = group.locator('.bio-properties-panel-group-header').first();
  await header.waitFor();
  if (!(await header.evaluate((el) => el.classList.contains('open')))) await header.click();
  await group.locator('.bio-properties-panel-group-header.open').first().waitFor();
}

/**
 * Opens the list item (a collapsible entry, such as one custom property) that holds the entry of this
 * id, unless it is open already. The panel opens an item added by the user, but not always: when the
 * add lands between two of the panel's renders, the new item shows collapsed, as a person then sees it.
 */
export async function openListItemOf(panel: Locator, entryId: string): Promise<void> {
  const holding = { has: panel.page().locator(`#bio-properties-panel-${entryId}`) };
  const item = panel.locator('.bio-properties-panel-collapsible-entry', holding).last();
  if ((await item.count()) === 0 || (await item.evaluate((el) => el.classList.contains('open')))) return;
  await item.locator('.bio-properties-panel-collapsible-entry-header').first().click();
  await panel.locator('.bio-properties-panel-collapsible-entry.open', holding).last().waitFor();
}
