import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn } from '../harness/browser.js';

// Screenshots and downloads of the reports page, for people to look at (not compared).
const OUT = path.resolve('test-results/reports');

describe('the reports page in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('lets a head download his department’s month as an Arabic PDF and a CSV, and a supervisor any department', async () => {
    // given the head of urbanism, in Arabic
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await logIn(page, 'head', 'ar');
    // when he opens the reports from the navigation
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-month').waitFor();
    // then the page is right to left, the months are named in Arabic, and he may only pick his department
    await page.getByTestId('report-department').locator('option', { hasText: 'مصلحة التعمير' }).waitFor({ state: 'attached' });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const departments = await page.getByTestId('report-department').locator('option').allTextContents();
    expect(departments).toEqual(['مصلحة التعمير']);
    const months = await page.getByTestId('report-month').locator('option').allTextContents();
    expect(months).toHaveLength(24);
    expect(months[0]).toMatch(/^[\u0600-\u06FF]+ \d{4}$/);
    await page.screenshot({ path: path.join(OUT, 'reports-page.ar.png'), fullPage: true });

    // when he downloads the PDF, then it is the Arabic report of his department
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^rapport-urbanism-\d{4}-\d{2}\.pdf$/);
    const pdfFile = path.join(OUT, 'downloaded.ar.pdf');
    await pdf.saveAs(pdfFile);
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('التقرير الشهري');
    expect(text).toContain('مصلحة التعمير');
    // and the CSV too
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    await context.close();

    // given a supervisor in French, then every department and "all departments" are offered
    const other = await browser.newContext({ acceptDownloads: true });
    const supervisorPage = await other.newPage();
    await logIn(supervisorPage, 'supervisor', 'fr');
    await supervisorPage.getByTestId('nav-reports').click();
    await supervisorPage.getByTestId('report-department').locator('option', { hasText: "Service de l'urbanisme" }).waitFor({ state: 'attached' });
    const options = await supervisorPage.getByTestId('report-department').locator('option').allTextContents();
    expect(options[0]).toBe('Tous les services');
    expect(options).toContain("Service de l'urbanisme");
    const [all] = await Promise.all([supervisorPage.waitForEvent('download'), supervisorPage.getByTestId('report-pdf').click()]);
    expect(all.suggestedFilename()).toMatch(/^rapport-administration-/);
    await other.close();

    // and an agent has no reports in the navigation
    const agentContext = await browser.newContext();
    const agentPage = await agentContext.newPage();
    await logIn(agentPage, 'agent', 'fr');
    expect(await agentPage.getByTestId('nav-reports').count()).toBe(0);
    await agentContext.close();
  }, 120_000);
});
