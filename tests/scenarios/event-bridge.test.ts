import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { SOCKET_EVENTS, type RuntimeEvent, type UserTaskDto } from '@diwan/contracts';
import { api, connectSocket, login, stack } from '../harness/stack.js';

function taskEvent(type: RuntimeEvent['type'], taskId: string, assignee: string | null = null): RuntimeEvent {
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    processInstanceId: `pi-${taskId}`,
    processDefinitionId: 'bridge-test:1:x',
    processDefinitionKey: 'bridge-test',
    businessKey: `bk-${taskId}`,
    userTask: {
      id: taskId,
      name: 'Bridge test',
      taskDefinitionKey: 'review',
      assignee,
      candidateGroups: ['finance'],
      candidateUsers: [],
      dueDate: null,
      followUpDate: null,
      priority: 50,
      formKey: null,
      createdAt: new Date().toISOString(),
      deleteReason: null,
    },
    incident: null,
  };
}

const post = (events: RuntimeEvent[], token = stack.bridgeToken) =>
  api('POST', '/api/runtime-events', { token, body: { node: 'test', events } });

describe('the event bridge endpoint', () => {
  let supervisor: Socket;
  const seen: UserTaskDto[] = [];
  beforeAll(async () => {
    supervisor = await connectSocket((await login('supervisor')).token);
    supervisor.on(SOCKET_EVENTS.userTaskCreated, (t: UserTaskDto) => seen.push(t));
  });
  afterAll(() => {
    supervisor.close();
  });

  it('applies a redelivered batch once', async () => {
    const taskId = randomUUID();
    const batch = [taskEvent('userTask.created', taskId)];
    expect((await post(batch)).body).toEqual({ applied: 1, duplicates: 0, deadLettered: 0 });
    expect((await post(batch)).body).toEqual({ applied: 0, duplicates: 1, deadLettered: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((t) => t.id === taskId)).toHaveLength(1);
  });

  it('never reopens a completed task when a late event arrives', async () => {
    const taskId = randomUUID();
    await post([taskEvent('userTask.created', taskId), taskEvent('userTask.completed', taskId, 'head')]);
    await post([taskEvent('userTask.assigned', taskId, 'agent'), taskEvent('userTask.created', taskId)]);
    const { token } = await login('supervisor');
    const open = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=bk-${taskId}`, { token });
    expect(open.body).toEqual([]);
  });

  it('refuses a caller without the bridge token, and a batch that is not one', async () => {
    expect((await post([], stack.workerToken)).status).toBe(401);
    const bad = await api('POST', '/api/runtime-events', { token: stack.bridgeToken, body: { node: 'test', events: 'all of them' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/events/);
  });

  it('takes each event on its own merits: bad ones go to dead letters with their reason, the rest are applied', async () => {
    // given a batch with a malformed event, an event of an unknown type, a user-task event without its task, and a good one
    const taskId = randomUUID();
    const good = taskEvent('userTask.created', taskId);
    const noTask = { ...taskEvent('userTask.created', randomUUID()), userTask: null };
    const eaten = { id: randomUUID(), type: 'mail.eaten' };
    const batch = [eaten, 'not even an object', noTask, good];

    // when the bridge posts it
    const res = await api('POST', '/api/runtime-events', { token: stack.bridgeToken, body: { node: 'test', pending: 3, events: batch } });

    // then the good event is applied and the three others are dead letters; the batch is accepted, so the bridge moves on
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ applied: 1, duplicates: 0, deadLettered: 3 });
    const { token: supervisorToken } = await login('supervisor');
    expect((await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=bk-${taskId}`, { token: supervisorToken })).body.map((t) => t.id)).toEqual([taskId]);
    // and admins and supervisors read the dead letters with their reasons; others may not
    const { token: adminToken } = await login('admin');
    const letters = await api<{ id: string; reason: string; type: string | null }[]>('GET', '/api/admin/dead-letters', { token: adminToken });
    expect(letters.body.find((l) => l.id === noTask.id)?.reason).toMatch(/without its user task/);
    expect(letters.body.find((l) => l.id === eaten.id)?.reason).toMatch(/type/);
    expect((await api('GET', '/api/admin/dead-letters', { token: (await login('agent')).token })).status).toBe(403);
    // and health reports the dead letters and what the bridge last said, while staying up
    const health = await api('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.bridge.state).toBe('degraded');
    expect(health.body.bridge.deadLetters).toBeGreaterThanOrEqual(3);
    expect(health.body.bridge.nodes).toEqual(expect.arrayContaining([expect.objectContaining({ node: 'test', pending: 3 })]));
    // and a redelivery of the same batch adds no letter
    await api('POST', '/api/runtime-events', { token: stack.bridgeToken, body: { node: 'test', events: batch } });
    const again = await api<unknown[]>('GET', '/api/admin/dead-letters', { token: adminToken });
    expect(again.body.length).toBe(letters.body.length);
  });

  it('accepts an incident that belongs to no instance (a failing timer-start job)', async () => {
    const incident = {
      id: randomUUID(), type: 'incident.created', occurredAt: new Date().toISOString(), processInstanceId: null, processDefinitionId: 'timer:1:x', processDefinitionKey: 'timer', businessKey: null,
      userTask: null, incident: { id: randomUUID(), incidentType: 'failedJob', activityId: 'start', message: 'Unknown property used in expression: ${nobody}' },
    };
    const res = await api('POST', '/api/runtime-events', { token: stack.bridgeToken, body: { node: 'test', events: [incident] } });
    expect(res.body).toEqual({ applied: 1, duplicates: 0, deadLettered: 0 });
  });
});
