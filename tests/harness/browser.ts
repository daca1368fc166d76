/** Debian's Chromium, driven by playwright-core: no browser download, ever. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, stack } from './stack.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Switches the page's language and waits until the page is in it (its catalogue may load first). */
export async function switchLanguage(page: Page, language: 'ar' | 'fr' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

/** Logs in through the login page (of the tests' stack, or of `base`), in the given language, and waits for the live connection. */
export async function logIn(page: Page, username: string, language: 'ar' | 'fr' | 'en', base = stack.engineUrl): Promise<void> {
  await page.goto(`${base}/login`);
  await switchLanguage(page, language);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

/**
 * The API requests a page makes while nobody touches it, for `ms`: a page that asks the same thing
 * again and again (an effect that fetches, re-renders and fetches) shows here. Answers each path
 * asked more than `times` times, with its count.
 */
export async function requestsWhileIdle(page: Page, ms = 1_500, times = 2): Promise<string[]> {
  const counts = new Map<string, number>();
  const count = (request: { url: () => string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
  };
  page.on('request', count);
  await page.waitForTimeout(ms);
  page.off('request', count);
  return [...counts].filter(([, n]) => n > times).map(([p, n]) => `${p} asked ${n} times in ${ms} ms`);
}
