import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, uniqueKey } from '../harness/stack.js';
import { plain, requestNotification } from './notifications.fixtures.js';

// Screenshots of the bell in Arabic, for people to look at.
const SCREENSHOTS = path.resolve('test-results/notifications');
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

describe('the notification bell in a real browser, in Arabic', () => {
  let browser: Browser;
  beforeAll(async () => {
    // the president starts with nothing unread
    await api('POST', '/api/notifications/mine/read', { token: (await login('president')).token });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => void (await browser?.close()));

  it('shows a new in-app notification live with an unread badge, as a plain Arabic sentence, and marks it read', async () => {
    // given the president signed in, in Arabic, with nothing unread
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, 'president', 'ar');
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('notification-count').count()).toBe(0);

    // when a task is given to them (an in-app notification arrives while the page is open)
    await requestNotification({
      channel: 'inApp',
      to: { username: 'president' },
      template: 'task.assigned',
      data: { taskName: 'توقيع الرد', chronoNumber: '2026/A/000321' },
      dedupeKey: uniqueKey('bell-browser'),
    });

    // then the badge counts it without a reload, and the list says it in Arabic
    await page.getByTestId('notification-count').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('notification-count').textContent()).toBe('1');
    expect(await bell.getAttribute('aria-label')).toBe('الإشعارات · إشعار واحد غير مقروء');
    await bell.click();
    const first = page.getByTestId('notification-item').first();
    expect(plain(await first.textContent())).toContain('أسندت إليك مهمة «توقيع الرد» للمراسلة 2026/A/000321.');
    expect(await first.textContent()).not.toMatch(/task\.assigned|\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, 'bell-ar-unread');

    // and "mark all as read" clears the badge, here and after a reload
    await page.getByTestId('notification-mark-read').click();
    await page.getByTestId('notification-count').waitFor({ state: 'detached' });
    await screenshot(page, 'bell-ar-read');
    await page.reload();
    await bell.waitFor();
    expect(await page.getByTestId('notification-count').count()).toBe(0);
  }, 90_000);
});
