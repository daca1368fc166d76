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
