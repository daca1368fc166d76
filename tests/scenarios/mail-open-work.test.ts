import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DashboardDto, MailPage, UserTaskDto } from '@diwan/contracts';
import { api, login, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

const TZ = 'Africa/Tunis';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const STATES = ['open', 'overdue', 'atRisk'] as const;

/** The register's open-work filter (`GET /api/mails?work=…`), which the dashboard's counts link to, lists what they count. */
describe('the register, filtered to a dashboard count', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['registrar', 'cabinet', 'head', 'agent', 'supervisor']) tokens[user] = (await login(user)).token;
  });
  const openTask = (user: string, mailId: string, key: string) =>
    waitFor(`${key} of ${mailId}`, async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body.find((t) => t.taskDefinitionKey === key && t.status === 'open'), 45_000);
  const complete = (user: string, id: string, variables: Record<string, unknown>) => api('POST', `/api/user-tasks/${id}/complete`, { token: tokens[user], body: { variables } });
  const register = async (overrides: Parameters<typeof aMail>[0]) => {
    const res = await registerMail(tokens.registrar!, aMail(overrides));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const listed = async (query: string) => {
    const res = await api<MailPage>('GET', `/api/mails?pageSize=200&${query}`, { token: tokens.supervisor });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('gives, for every department and person row and each of open, overdue and at risk, exactly the counted mails', async () => {
    // given a late mail and one due tomorrow, both with the agent, and one waiting for the cabinet, due in 2 days
    const late = await register({ receivedAt: isoDaysAgo(10), dueDate: isoDaysAgo(2).slice(0, 10) });
    const soon = await register({ dueDate: addDays(today(), 1) });
    const waiting = await register({ channel: 'email', dueDate: addDays(today(), 2) });
    const confidential = await register({ confidentiality: 'confidential', namedUsers: ['cabinet'], dueDate: addDays(today(), 2) });
    for (const id of [late, soon]) {
      expect((await complete('cabinet', (await openTask('cabinet', id, 'triage')).id, { forAction: ['urbanism'], instruction: 'Pour traitement' })).status).toBe(204);
      expect((await complete('head', (await openTask('head', id, 'assign_agent')).id, { agent: 'agent' })).status).toBe(204);
      await openTask('agent', id, 'process_mail');
    }
    await openTask('cabinet', waiting, 'triage');
    await openTask('cabinet', confidential, 'triage');

    // when the dashboard has counted them
    const figures = await waitFor('the dashboard to count the three mails', async () => {
      const res = await api<DashboardDto>('GET', '/api/dashboard', { token: tokens.supervisor });
      const agent = res.body.open.byPerson.find((r) => r.key === 'agent');
      const cabinet = res.body.open.byDepartment.find((r) => r.key === 'cabinet');
      return agent && agent.overdue >= 1 && agent.atRisk >= 1 && cabinet && cabinet.atRisk >= 1 ? res.body : null;
    }, 30_000);

    // then each count's list holds exactly that many mails, and the known ones where they belong
    // with the confidential and secret mails other files leave open told apart (counted, not listed);
    // other files register and work mail at the same time: the count and its list are read together until they agree
    const agree = (what: string, query: string, count: (d: DashboardDto) => number) =>
      waitFor(`${what}: the register's list and what it withholds to make the dashboard's count`, async () => {
        const [d, page] = await Promise.all([api<DashboardDto>('GET', '/api/dashboard', { token: tokens.supervisor }), listed(query)]);
        expect(page.withheld).toEqual(expect.any(Number));
        return count(d.body) === page.total + page.withheld!;
      }, 30_000);
    const rows = [...figures.open.byDepartment.map((r) => ({ key: r.key, kind: 'byDepartment' as const, param: `openIn=${r.key}` })), ...figures.open.byPerson.map((r) => ({ key: r.key, kind: 'byPerson' as const, param: `assignee=${r.key}` }))];
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      for (const state of STATES) {
        await agree(`${row.key} ${state}`, `work=${state}&${row.param}`, (d) => {
          const r = d.open[row.kind].find((x) => x.key === row.key);
          return r ? r[state] : 0;
        });
      }
    }
    // and the administration's totals likewise
    for (const state of STATES) {
      await waitFor(`all ${state}: the list and what it withholds to make the count`, async () => {
        const [d, page] = await Promise.all([api<DashboardDto>('GET', '/api/dashboard', { token: tokens.supervisor }), listed(`work=${state}`)]);
        return page.total + page.withheld! === (state === 'open' ? d.body.open.total : d.body.open[state]);
      }, 30_000);
    }
    // the confidential mail is counted for the supervisor, not listed to him; its named user lists it (and is told nothing withheld: he has no dashboard)
    const cabinetRisk = await listed('work=atRisk&riskDays=2&openIn=cabinet');
    expect(cabinetRisk.items.map((m) => m.id)).not.toContain(confidential);
    expect(cabinetRisk.withheld).toBeGreaterThanOrEqual(1);
    const named = await api<MailPage>('GET', '/api/mails?pageSize=200&work=atRisk&riskDays=2&openIn=cabinet', { token: tokens.cabinet });
    expect(named.body.items.map((m) => m.id)).toContain(confidential);
    expect(named.body.withheld).toBeUndefined();
    // a search is not a dashboard count: what it would withhold is not told (a subject word would leak)
    expect((await listed(`work=open&openIn=cabinet&q=${encodeURIComponent('Demande')}`)).withheld).toBeUndefined();
    const ids = async (query: string) => (await listed(query)).items.map((m) => m.id);
    expect(await ids('work=overdue&assignee=agent')).toContain(late);
    expect(await ids('work=overdue&assignee=agent')).not.toContain(soon);
    expect(await ids('work=atRisk&assignee=agent')).toContain(soon);
    expect(await ids('work=atRisk&riskDays=1&openIn=cabinet')).not.toContain(waiting);
    expect(await ids('work=atRisk&riskDays=2&openIn=cabinet')).toContain(waiting);
    // and the mail type and circuit filters narrow the same lists
    expect((await listed('work=open&circuit=no-such-circuit')).total).toBe(0);

    // and bad filters are refused in words, not ignored
    for (const bad of ['work=late', 'riskDays=0', 'riskDays=61', 'openIn=Urbanism!', 'circuit=1bad key']) {
      const res = await api<{ error: { code: string } }>('GET', `/api/mails?${bad}`, { token: tokens.supervisor });
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
  });
});
