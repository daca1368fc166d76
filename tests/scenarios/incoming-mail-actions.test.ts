import { beforeAll, describe, expect, it } from '@jest/globals';
import type { UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';

/**
 * Claim, unclaim, delegate and bulk rights, and the deadline timers, on bare incoming-mail
 * instances started in the runtime directly (the engine starts circuits for mails only).
 */
describe('user-task actions and deadlines', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['registrar', 'cabinet', 'head', 'agent', 'supervisor']) tokens[user] = (await login(user)).token;
  });

  async function start(variables: Record<string, unknown> = {}): Promise<{ id: string; businessKey: string }> {
    const businessKey = uniqueKey('actions');
    const typed = Object.fromEntries(Object.entries(variables).map(([k, value]) => [k, { value, type: 'String' }]));
    const started = await runtimeApi<{ id: string }>('POST', '/process-definition/key/incoming-mail/start', { businessKey, variables: typed });
    return { id: started.id, businessKey };
  }
  const task = (user: string, businessKey: string, key: string) =>
    waitFor(`${key} for ${user}`, async () => {
      const res = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${businessKey}`, { token: tokens[user] });
      return res.body.find((t) => t.taskDefinitionKey === key);
    });

  it('lets a candidate claim and unclaim, refuses strangers, and lets the head delegate to a member', async () => {
    // given an assign_agent task for urbanism
    const { businessKey } = await start();
    const triage = await task('cabinet', businessKey, 'triage');
    await api('POST', `/api/user-tasks/${triage.id}/complete`, { token: tokens.cabinet, body: { variables: { forAction: ['urbanism'] } } });
    const assign = await task('head', businessKey, 'assign_agent');

    // when the cabinet (not a candidate) claims it, then 404 (not in its inbox)
    expect((await api('POST', `/api/user-tasks/${assign.id}/claim`, { token: tokens.cabinet })).status).toBe(404);
    // when the agent claims it, then it is theirs, and the head cannot claim it any more
    const claimed = await api<UserTaskDto>('POST', `/api/user-tasks/${assign.id}/claim`, { token: tokens.agent });
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('agent');
    expect((await api('POST', `/api/user-tasks/${assign.id}/claim`, { token: tokens.head })).status).toBe(403);
    // when the agent unclaims it, then it is a group task again
    expect((await api<UserTaskDto>('POST', `/api/user-tasks/${assign.id}/unclaim`, { token: tokens.agent })).body.assignee).toBeNull();
    // when the head delegates to the cabinet user (not a member), then 400; to the agent, then it is the agent's
    expect((await api('POST', `/api/user-tasks/${assign.id}/delegate`, { token: tokens.head, body: { to: 'cabinet' } })).status).toBe(400);
    expect((await api<UserTaskDto>('POST', `/api/user-tasks/${assign.id}/delegate`, { token: tokens.head, body: { to: 'agent' } })).body.assignee).toBe('agent');
    const runtimeTask = await runtimeApi<{ assignee: string }>('GET', `/task/${assign.id}`);
    expect(runtimeTask.assignee).toBe('agent');
    // and the agent's counts include it
    const counts = await api<{ mine: number; groups: number; overdue: number }>('GET', '/api/user-tasks/counts', { token: tokens.agent });
    expect(counts.body.mine).toBeGreaterThanOrEqual(1);
  });

  it('claims in bulk with one result per task', async () => {
    // given two triage tasks
    const a = await start();
    const b = await start();
    const ta = await task('cabinet', a.businessKey, 'triage');
    const tb = await task('cabinet', b.businessKey, 'triage');
    // when the cabinet claims both and an unknown id
    const res = await api<{ results: { id: string; ok: boolean }[] }>('POST', '/api/user-tasks/bulk', { token: tokens.cabinet, body: { action: 'claim', ids: [ta.id, tb.id, 'nope'] } });
    // then the two succeed and the unknown one fails alone
    expect(res.body.results).toEqual([
      { id: ta.id, ok: true },
      { id: tb.id, ok: true },
      expect.objectContaining({ id: 'nope', ok: false }),
    ]);
    const mine = await api<UserTaskDto[]>('GET', '/api/user-tasks?assignee=me&sort=-priority', { token: tokens.cabinet });
    expect(mine.body.map((t) => t.id)).toEqual(expect.arrayContaining([ta.id, tb.id]));
  });

  it('reminds, then escalates to the supervisors when the deadline passes', async () => {
    // given a mail whose reminder is due in 2 s and deadline in 4 s
    const now = Date.now();
    const { id, businessKey } = await start({ reminderDate: new Date(now + 2_000).toISOString(), dueDate: new Date(now + 4_000).toISOString() });
    // then the remind and escalate external tasks run, and the supervisor gets handle_overdue
    const overdue = await task('supervisor', businessKey, 'handle_overdue');
    expect(overdue.candidateGroups).toEqual(['supervision']);
    const done = await waitFor('the remind and escalate tasks to finish', async () => {
      const acts = await runtimeApi<{ activityId: string }[]>('GET', `/history/activity-instance?processInstanceId=${id}&finished=true`);
      const ids = acts.map((a) => a.activityId);
      return ids.includes('send_reminder') && ids.includes('escalate_deadline') ? ids : null;
    });
    expect(done).toEqual(expect.arrayContaining(['reminder_due', 'send_reminder', 'deadline_passed', 'escalate_deadline']));
    // and the triage task shows as overdue
    const late = await waitFor('the triage to be overdue', async () => {
      const res = await api<UserTaskDto[]>('GET', `/api/user-tasks?overdue=true&businessKey=${businessKey}`, { token: tokens.cabinet });
      return res.body.find((t) => t.taskDefinitionKey === 'triage');
    });
    expect(late.dueDate).not.toBeNull();
    // when the supervisor completes the review, then it is accepted
    expect((await api('POST', `/api/user-tasks/${overdue.id}/complete`, { token: tokens.supervisor, body: { variables: { overdueDecision: 'remind' } } })).status).toBe(204);
  }, 60_000);
});
