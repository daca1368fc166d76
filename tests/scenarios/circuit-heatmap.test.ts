import { beforeAll, describe, expect, it } from '@jest/globals';
import type { CircuitStatsDto, UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, waitFor } from '../harness/stack.js';
import { mailWithCircuit } from './mail.fixtures.js';

interface HistoryRow {
  id: string;
  instances: number;
  finished: number;
  canceled: number;
}

/** The heatmap's figures against the runtime's own history, through the engine API. */
describe('the heatmap figures of a circuit', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['registrar', 'cabinet', 'supervisor']) tokens[user] = (await login(user)).token;
  });

  const stats = async (definitionId: string, period = 'all') =>
    (await api<CircuitStatsDto>('GET', `/api/circuits/${encodeURIComponent(definitionId)}/stats?period=${period}`, { token: tokens.supervisor })).body;
  const history = (definitionId: string, startedAfter?: string) =>
    runtimeApi<HistoryRow[]>('GET', `/history/process-definition/${encodeURIComponent(definitionId)}/statistics?${new URLSearchParams({ finished: 'true', canceled: 'true', ...(startedAfter ? { startedAfter } : {}) })}`);
  const triageOf = (mailId: string) =>
    waitFor('the triage task', async () => {
      const res = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens.cabinet });
      return res.body.find((t) => t.taskDefinitionKey === 'triage' && t.status === 'open');
    }, 45_000);
  /** The mean and number of the runtime's completed passes through a step, read directly. */
  const runtimeAverage = async (definitionId: string, activityId: string) => {
    const passes = await runtimeApi<{ durationInMillis: number; canceled: boolean }[]>('GET', `/history/activity-instance?${new URLSearchParams({ processDefinitionId: definitionId, activityId, finished: 'true' })}`);
    const completed = passes.filter((p) => !p.canceled);
    return { averageMs: Math.round(completed.reduce((sum, p) => sum + p.durationInMillis, 0) / completed.length), finishedSampled: completed.length };
  };
  // (other tests may move mails of the same circuit meanwhile: each comparison is made again until both sides agree)
  const sameAsRuntime = (definitionId: string, period: string) =>
    waitFor(`the ${period} figures to equal the runtime's`, async () => {
      const figures = await stats(definitionId, period);
      const rows = await history(definitionId, figures.since?.replace('Z', '+0000'));
      const mismatch = rows.find((row) => {
        const f = figures.activities[row.id];
        return f?.passes !== row.instances + row.finished || f.finished !== row.finished || f.canceled !== row.canceled;
      });
      return rows.length > 0 && !mismatch ? figures : null;
    });
  const triageAverage = (definitionId: string) =>
    waitFor("the triage's average to equal the runtime's", async () => {
      const figures = await stats(definitionId);
      const expected = await runtimeAverage(definitionId, 'triage');
      return figures.activities.triage?.averageMs === expected.averageMs && figures.activities.triage.finishedSampled === expected.finishedSampled ? figures.activities.triage : null;
    });

  it('counts passes as the runtime history does, for every period, and averages the completed passes again when one more completes', async () => {
    // given two mails at triage, one triaged
    const [first, second] = await Promise.all([mailWithCircuit(tokens.registrar!), mailWithCircuit(tokens.registrar!)]);
    const [triage, otherTriage] = await Promise.all([triageOf(first.mailId), triageOf(second.mailId)]);
    const { definitionId } = await runtimeApi<{ definitionId: string }>('GET', `/process-instance/${first.processInstanceId}`);
    expect((await api('POST', `/api/user-tasks/${triage.id}/complete`, { token: tokens.cabinet, body: { variables: { forAction: ['urbanism'] } } })).status).toBe(204);
    await waitFor('the agent assignment', async () => (await stats(definitionId)).activities.assign_agent?.running);

    // when the supervisor reads the figures of all time and of the last 7 and 30 days
    for (const period of ['all', '7d', '30d']) {
      // then every step's passes, finished and canceled are the runtime's own counts
      const figures = await sameAsRuntime(definitionId, period);
      expect(figures.period).toBe(period);
      expect(figures.since === null).toBe(period === 'all');
      expect(figures.averageSampleLimit).toBe(200);
    }
    // and the average of the triage is the mean of its completed passes in the runtime
    const before = await triageAverage(definitionId);

    // when the second triage completes, a few seconds later
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await api('POST', `/api/user-tasks/${otherTriage.id}/complete`, { token: tokens.cabinet, body: { variables: { forAction: ['finance'] } } })).status).toBe(204);

    // then the average covers it too (it is read again, not kept from before)
    await waitFor('the second triage in the runtime history', async () => (await runtimeAverage(definitionId, 'triage')).finishedSampled > before.finishedSampled);
    const after = await triageAverage(definitionId);
    expect(after.finishedSampled).toBeGreaterThan(before.finishedSampled);
    expect(after.averageMs).not.toBe(before.averageMs);
  });
});
