import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DashboardDto, MailDto, MonthlyReportDto, UserTaskDto } from '@diwan/contracts';
import { api, login, stack, waitFor } from '../harness/stack.js';
import { aMail, engineDb, registerMail } from './mail.fixtures.js';

const TZ = 'Africa/Tunis';
const OUT = path.resolve('test-results/reports');
const dayIn = (at: Date | string) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
/** pdftotext's reading-order text, without the directional marks it puts around runs. */
const textOf = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/** A report as the designer downloads it: the bytes, with the token and the page's language. */
async function download(token: string, query: string, language: string) {
  const res = await fetch(`${stack.engineUrl}/api/reports/monthly?${query}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': language } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('the monthly report', () => {
  const tokens: Record<string, string> = {};
  let db: Awaited<ReturnType<typeof engineDb>>;
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet', 'head', 'agent', 'president', 'supervisor']) tokens[user] = (await login(user)).token;
    db = await engineDb();
  });
  afterAll(async () => db?.close());

  const report = (token: string, query: string, language = 'fr') => api<MonthlyReportDto>('GET', `/api/reports/monthly?${query}`, { token, headers: { 'accept-language': language } });
  const dashboard = (query: string, language = 'fr') => api<DashboardDto>('GET', `/api/dashboard?${query}`, { token: tokens.supervisor, headers: { 'accept-language': language } });
  const openTask = (user: string, mailId: string, key: string) =>
    waitFor(`${key} of ${mailId} for ${user}`, async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body.find((t) => t.taskDefinitionKey === key && t.status === 'open'), 45_000);
  const complete = async (user: string, mailId: string, key: string, variables: Record<string, unknown>) =>
    expect((await api('POST', `/api/user-tasks/${(await openTask(user, mailId, key)).id}/complete`, { token: tokens[user], body: { variables } })).status).toBe(204);
  const register = async (overrides: Parameters<typeof aMail>[0]) => {
    const res = await registerMail(tokens.registrar!, aMail(overrides));
    expect(res.status).toBe(201);
    return res.body as MailDto;
  };
  /** Urbanism's received mails of a month, counted from the mails collection. */
  const receivedDirect = async (month: string) => {
    const mails = await db.db.collection('mails').find({ status: { $nin: ['void', 'draft'] } }, { projection: { receivedAt: 1, channel: 1, direction: 1, departments: 1 } }).toArray();
    const out = { total: 0, byChannel: {} as Record<string, number>, byDirection: {} as Record<string, number> };
    for (const m of mails) {
      if (!dayIn(m.receivedAt).startsWith(month) || ![...m.departments.forAction, ...m.departments.forInformation].includes('urbanism')) continue;
      out.total += 1;
      if (m.channel) out.byChannel[m.channel] = (out.byChannel[m.channel] ?? 0) + 1;
      out.byDirection[m.direction] = (out.byDirection[m.direction] ?? 0) + 1;
    }
    return out;
  };

  it("gives a department's month with the dashboard's numbers, as JSON, CSV and a right-to-left Arabic PDF, to those who may see it", async () => {
    const month = dayIn(new Date()).slice(0, 7);
    const lastMonth = previousMonth(month);
    // given mails of this month by several channels and directions, one received last month, for urbanism
    const done = await register({ channel: 'counter' });
    await register({ channel: 'email' });
    await register({ direction: 'internal', channel: 'administration' });
    await register({ channel: 'post', receivedAt: `${lastMonth}-15T09:00:00.000Z` });
    await register({ channel: 'counter', departments: { forAction: ['finance'], forInformation: [] } });
    // and a circuit run to its end by the cabinet, the head and the agent
    await complete('cabinet', done.id, 'triage', { forAction: ['urbanism'], instruction: 'Pour traitement' });
    await complete('head', done.id, 'assign_agent', { agent: 'agent' });
    await complete('agent', done.id, 'process_mail', { opinionFrom: [], replyDraft: 'Projet', outcome: 'answered' });
    await complete('head', done.id, 'validate', { approved: true });
    await waitFor('the mail to be archived', async () => (await api<MailDto>('GET', `/api/mails/${done.id}`, { token: tokens.registrar })).body.status === 'archived', 45_000);

    // when the supervisor asks for urbanism's month as JSON (once the dashboard holds the archived mail; other files
    // register urbanism's mails meanwhile: the report and the mails collection are read together until they agree)
    let expected = await receivedDirect(month);
    const json = await waitFor('the report to hold the month', async () => {
      const res = await report(tokens.supervisor!, `month=${month}&department=urbanism&format=json`);
      expected = await receivedDirect(month);
      return res.status === 200 && isDeepStrictEqual(res.body.received, expected) && res.body.closed.some((r) => r.closed > 0) && res.body.durations.byPerson.some((r) => r.key === 'agent') ? res.body : null;
    }, 30_000).catch(async (err) => {
      console.error('report', JSON.stringify((await report(tokens.supervisor!, `month=${month}&department=urbanism&format=json`)).body), 'expected received', JSON.stringify(expected));
      throw err;
    });
    // then it holds what the mails collection says was received, and the dashboard's numbers for the month
    expect(json.received).toEqual(expected);
    // (read together with the dashboard until both agree: other files change urbanism's figures meanwhile)
    const same = await waitFor('the report and the dashboard to agree', async () => {
      const [r, d] = await Promise.all([report(tokens.supervisor!, `month=${month}&department=urbanism&format=json`), dashboard('department=urbanism&period=month')]);
      const a = { received: r.body.received, steps: r.body.durations.bySteps, people: r.body.durations.byPerson, open: { total: r.body.open.total, overdue: r.body.open.overdue } };
      const b = { received: d.body.received.month, steps: d.body.durations.bySteps, people: d.body.durations.byPerson, open: { total: d.body.open.total, overdue: d.body.open.overdue } };
      return JSON.stringify(a) === JSON.stringify(b) ? a : null;
    }, 30_000);
    expect(same.received.total).toBeGreaterThanOrEqual(expected.total);
    // and the mails closed this month that urbanism held (the one archived above among them): every closed
    // mail that had a step for urbanism is counted, and nothing beyond those or the ones urbanism had for
    // action (the count is of the departments that held a mail; other files close mails in the same run:
    // the bounds and the report are read together until the report falls within them)
    const agreed = await waitFor('the closed mails counted within what the mails and their steps say', async () => {
      const closedThisMonth = (await db.db.collection('mails').find({ status: { $in: ['closed', 'archived'] } }, { projection: { updatedAt: 1, 'departments.forAction': 1 } }).toArray()).filter((m) => dayIn(m.updatedAt).startsWith(month));
      const withStep = new Set((await db.db.collection('userTasks').find({ candidateGroups: 'urbanism' }, { projection: { businessKey: 1 } }).toArray()).map((t) => String(t.businessKey)));
      // (a step without groups is urbanism's when its assignee belongs to urbanism)
      const members = new Set((await db.db.collection('users').find({ departments: 'urbanism' }, { projection: { username: 1 } }).toArray()).map((u) => String(u.username)));
      const withMemberStep = new Set((await db.db.collection('userTasks').find({ candidateGroups: { $size: 0 } }, { projection: { businessKey: 1, assignee: 1 } }).toArray()).filter((t) => members.has(String(t.assignee))).map((t) => String(t.businessKey)));
      const held = closedThisMonth.filter((m) => withStep.has(String(m._id))).length;
      const heldOrForAction = closedThisMonth.filter((m) => withStep.has(String(m._id)) || withMemberStep.has(String(m._id)) || (m.departments?.forAction ?? []).includes('urbanism')).length;
      const closed = (await report(tokens.supervisor!, `month=${month}&department=urbanism&format=json`)).body.closed;
      const n = closed[0]?.closed ?? 0;
      return n >= held && n <= heldOrForAction ? { held, closed } : null;
    }, 30_000);
    expect(agreed.held).toBeGreaterThanOrEqual(1);
    // (some are closed late by other files: on time is at most closed, and the rate says so)
    expect(agreed.closed).toEqual([{ key: 'urbanism', label: "Service de l'urbanisme", closed: expect.any(Number), onTime: expect.any(Number), onTimeRate: expect.any(Number) }]);
    const closedCount = agreed.closed[0]!.closed;
    expect(agreed.closed[0]!.onTime).toBeGreaterThanOrEqual(1);
    expect(agreed.closed[0]!.onTime).toBeLessThanOrEqual(closedCount);
    expect(agreed.closed[0]!.onTimeRate).toBeCloseTo(agreed.closed[0]!.onTime / closedCount, 5);
    expect(json.department).toEqual({ code: 'urbanism', label: "Service de l'urbanisme" });
    // (the agent completes steps in other files of the run too)
    expect(json.durations.byPerson.find((r) => r.key === 'agent')).toMatchObject({ count: expect.any(Number), label: expect.stringContaining('Youssef') });
    expect(json.durations.byPerson.find((r) => r.key === 'agent')!.count).toBeGreaterThanOrEqual(1);
    // and last month holds the mail received then
    const past = await report(tokens.supervisor!, `month=${lastMonth}&department=urbanism&format=json`);
    expect(past.status).toBe(200);
    expect(past.body.received).toEqual(await receivedDirect(lastMonth));
    expect(past.body.received.byChannel.post).toBeGreaterThanOrEqual(1);

    // when downloaded as CSV in French, then a BOM, French headers, and the same numbers
    const csv = await download(tokens.supervisor!, `month=${month}&department=urbanism&format=csv`, 'fr');
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain(`rapport-urbanism-${month}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Section,Élément,Circuit,Valeur,Moyenne (min),9e décile (min)');
    // (other files register mail while this one reads: the CSV's numbers are checked for their form, the JSON's above for their value)
    expect(lines.some((l) => /^Courriers reçus,Total,,\d+,,$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Courriers reçus · Par canal,Guichet,,\d+,,$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Clôture et respect des délais,Courriers clôturés,,\d+,,$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Clôture et respect des délais,Taux de respect des délais (%),,'))).toBe(true);
    const agentLine = lines.find((l) => l.startsWith('Temps de traitement par personne,Youssef Gharbi'));
    expect(Number(agentLine?.split(',')[3])).toBeGreaterThanOrEqual(1); // (the agent completes steps in other files too)

    // when downloaded as PDF in Arabic, then its text reads in Arabic order, with the numbers
    const pdf = await download(tokens.supervisor!, `month=${month}&department=urbanism&format=pdf`, 'ar');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'monthly-report.scenario.ar.pdf');
    writeFileSync(file, pdf.bytes);
    const text = textOf(file);
    const arMonth = new Intl.DateTimeFormat('ar', { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).format(new Date(`${month}-15T12:00:00Z`));
    for (const words of ['التقرير الشهري', 'مصلحة التعمير', arMonth, 'المراسلات المستلمة', 'حسب قناة الاستلام', 'الشباك', 'نسبة احترام الآجال', 'مدة المعالجة حسب الموظف', 'يوسف الغربي']) expect(text).toContain(words);
    expect(text).toMatch(/\d/);
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', file, path.join(OUT, 'monthly-report.scenario.ar')]);
    // and in English, left to right
    const en = await download(tokens.supervisor!, `month=${month}&department=urbanism&format=pdf`, 'en');
    writeFileSync(path.join(OUT, 'monthly-report.scenario.en.pdf'), en.bytes);
    expect(textOf(path.join(OUT, 'monthly-report.scenario.en.pdf'))).toContain('Urban planning');

    // and every generation is in the audit log
    const audited = await db.db.collection('auditLog').find({ action: 'report.generated', actor: 'supervisor' }).toArray();
    expect(audited.map((e) => e.details.format).sort()).toEqual(expect.arrayContaining(['csv', 'json', 'pdf']));
    expect(audited.map((e) => e.details)).toContainEqual({ month, department: 'urbanism', format: 'pdf', language: 'ar' });
  }, 180_000);

  it('is for admins, supervisors and heads of their own departments; bad input is refused in the caller’s language', async () => {
    const month = dayIn(new Date()).slice(0, 7);
    const q = (department?: string) => `month=${month}&format=json${department ? `&department=${department}` : ''}`;
    // then admins and supervisors get any department, or the whole administration
    for (const user of ['admin', 'supervisor']) {
      expect((await report(tokens[user]!, q('finance'))).status).toBe(200);
      const all = await report(tokens[user]!, q());
      expect(all.status).toBe(200);
      expect(all.body.department).toBeNull();
    }
    // a head his own department (by default, when he names none), not another's
    expect((await report(tokens.head!, q('urbanism'))).status).toBe(200);
    expect((await report(tokens.head!, q())).body.department?.code).toBe('urbanism');
    expect((await report(tokens.head!, q('finance'))).status).toBe(403);
    expect((await report(tokens.president!, q('urbanism'))).status).toBe(403);
    expect((await report(tokens.president!, q('presidency'))).status).toBe(200);
    // and nobody else, whatever the format
    for (const user of ['agent', 'registrar', 'cabinet']) {
      for (const format of ['json', 'csv', 'pdf']) expect((await download(tokens[user]!, `month=${month}&department=urbanism&format=${format}`, 'fr')).status).toBe(403);
    }
    // bad input names the field in the caller's language; an unknown department is not found; the future has no report
    const bad = await report(tokens.supervisor!, 'month=2026-13&format=docx', 'ar');
    expect(bad.status).toBe(400);
    expect((bad.body as any).error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['format', 'month']);
    expect((bad.body as any).error.message).toMatch(/[\u0600-\u06FF]/);
    expect((await report(tokens.supervisor!, 'format=json')).status).toBe(400);
    expect((await report(tokens.supervisor!, `${q('urbanism')}&extra=1`)).status).toBe(400);
    expect((await report(tokens.admin!, q('nowhere'))).status).toBe(404);
    expect((await report(tokens.supervisor!, 'month=2026-03&month=2026-04')).status).toBe(400);
    // a month long gone is refused (before 2000) or empty, never an error
    expect((await report(tokens.supervisor!, 'month=0001-01&department=urbanism&format=json')).status).toBe(400);
    const old = await report(tokens.supervisor!, 'month=2000-01&department=urbanism&format=json');
    expect(old.status).toBe(200);
    expect(old.body.received.total).toBe(0);
    expect((await download(tokens.supervisor!, 'month=2000-02&format=pdf', 'ar')).status).toBe(200);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const future = await report(tokens.supervisor!, `month=${next}&department=urbanism`, 'en');
    expect(future.status).toBe(400);
    expect((future.body as any).error.message).toBe('This month has not begun yet');
  }, 60_000);
});
