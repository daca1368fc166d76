import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DashboardDto, MailDto, MonthlyReportDto, PublicStatsDto } from '@diwan/contracts';
import { api, login, stack, waitFor } from '../harness/stack.js';
import { INTERNAL_WORDS, complete, openTask } from './complaint.fixtures.js';
import { aMail, registerMail } from './mail.fixtures.js';

/** GET /api/public/stats: the dashboard's own numbers, public, numbers only. */
describe('the public statistics', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['registrar', 'cabinet', 'admin']) tokens[user] = (await login(user)).token;
  });

  it('publish portal deposits, closed and on-time mails and handling times per department, equal to the dashboard, cached a minute', async () => {
    // given two portal complaints for urbanism and a counter mail; one complaint closed (inadmissible)
    const portal = async () => (await registerMail(tokens.registrar!, aMail({ mailType: 'complaint', channel: 'portal', subject: `Stat ${randomUUID().slice(0, 6)}` }))).body as MailDto;
    const first = await portal();
    await portal();
    expect((await registerMail(tokens.registrar!, aMail())).status).toBe(201);
    const review = await openTask(tokens.cabinet!, first.id, 'admissibility_review');
    await complete(tokens.cabinet!, review.id, { admissibility: 'inadmissible' });
    const answer = await openTask(tokens.cabinet!, first.id, 'answer_citizen');
    await complete(tokens.cabinet!, answer.id, { answerSummary: 'Irrecevable' });

    // when the dashboard has counted them (the closing included)
    const month = new Date().toISOString().slice(0, 7);
    const report = await waitFor('the closing counted', async () => {
      const r = await api<MonthlyReportDto>('GET', `/api/reports/monthly?month=${month}&format=json`, { token: tokens.admin });
      return r.status === 200 && r.body.closed.some((row) => row.key === 'cabinet' && row.closed > 0) ? r.body : null;
    }, 30_000);
    const dashboard = (await api<DashboardDto>('GET', '/api/dashboard?period=month', { token: tokens.admin })).body;
    expect(dashboard.received.month.byChannel.portal).toBeGreaterThanOrEqual(2);

    // then the public statistics (no login) give the same numbers
    const res = await fetch(`${stack.engineUrl}/api/public/stats`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const stats = (await res.json()) as PublicStatsDto;
    expect(stats.month).toBe(month);
    // (the figures come from the dashboard's own functions, cached a minute, while other files of the
    // run register and close mail: they are never ahead of the live dashboard, and hold this file's)
    const after = (await api<DashboardDto>('GET', '/api/dashboard?period=month', { token: tokens.admin })).body;
    expect(stats.totals.deposits).toBeGreaterThanOrEqual(1);
    expect(stats.totals.deposits).toBeLessThanOrEqual(after.received.month.byChannel.portal ?? 0);
    const urbanism = stats.departments.find((d) => d.code === 'urbanism')!;
    const urbanismBoard = (await api<DashboardDto>('GET', '/api/dashboard?period=month&department=urbanism', { token: tokens.admin })).body;
    expect(urbanism.deposits).toBeLessThanOrEqual(urbanismBoard.received.month.byChannel.portal ?? 0);
    expect(urbanism.name.ar).toMatch(/[\u0600-\u06FF]/);
    const reportAfter = (await api<MonthlyReportDto>('GET', `/api/reports/monthly?month=${month}&format=json`, { token: tokens.admin })).body;
    for (const row of stats.departments) {
      const closed = reportAfter.closed.find((r) => r.key === row.code);
      expect(row.closed).toBeLessThanOrEqual(closed?.closed ?? 0);
      expect(row.onTime).toBeLessThanOrEqual(row.closed);
      expect(row.onTimeRate).toBe(row.closed ? row.onTime / row.closed : null);
      expect(row.averageHandlingMs === null || row.averageHandlingMs >= 0).toBe(true);
    }
    expect(reportAfter.closed.find((r) => r.key === 'cabinet')!.closed).toBeGreaterThanOrEqual(report.closed.find((r) => r.key === 'cabinet')!.closed);
    expect(stats.departments.find((d) => d.code === 'cabinet')?.closed).toBeGreaterThan(0);
    // and numbers only: no person, no username
    const text = JSON.stringify(stats);
    for (const word of [...INTERNAL_WORDS.filter((w) => w !== 'cabinet'), 'Youssef', 'Nadia', 'agent']) expect({ word, found: text.includes(word) }).toEqual({ word, found: false });

    // and within the minute, a new deposit does not change them (cached)
    await portal();
    await new Promise((r) => setTimeout(r, 1500));
    const cached = (await api<PublicStatsDto>('GET', '/api/public/stats')).body;
    expect(cached).toEqual(stats);

    // and a month outside the last twelve, or not a month, is refused
    expect((await api('GET', '/api/public/stats?month=1999-01')).status).toBe(400);
    expect((await api('GET', '/api/public/stats?month=2026-13')).status).toBe(400);
  }, 120_000);
});
