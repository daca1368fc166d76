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
    expect((await post(batch)).body).toEqual({ applied: 1, duplicates: 0 });
    expect((await post(batch)).body).toEqual({ applied: 0, duplicates: 1 });
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

  it('refuses a caller without the bridge token, and a malformed batch', async () => {
    expect((await post([], stack.workerToken)).status).toBe(401);
    const bad = await api('POST', '/api/runtime-events', { token: stack.bridgeToken, body: { node: 'test', events: [{ id: 'x', type: 'mail.eaten' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/events\.0\.type/);
  });
});
