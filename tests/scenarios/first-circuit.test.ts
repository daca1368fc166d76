import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { SOCKET_EVENTS, type UserTaskDto } from '@diwan/contracts';
import { api, connectSocket, login, nextEvent, runtimeApi, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

describe('the first circuit through the whole chain', () => {
  let cabinetSocket: Socket;
  let cabinetToken: string;
  let registrarToken: string;

  beforeAll(async () => {
    cabinetToken = (await login('cabinet')).token;
    registrarToken = (await login('registrar')).token;
    cabinetSocket = await connectSocket(cabinetToken);
  });
  afterAll(() => {
    cabinetSocket.close();
  });

  it('starts, runs a worker, pushes the user task live, and completes it through engine', async () => {
    // given the cabinet has its inbox open
    let businessKey = '';
    const created = nextEvent<UserTaskDto>(cabinetSocket, SOCKET_EVENTS.userTaskCreated, (t) => t.taskDefinitionKey === 'triage' && t.businessKey === businessKey);

    // when the registrar registers an incoming mail (its circuit starts through the outbox)
    const registered = await registerMail(registrarToken, aMail());
    expect(registered.status).toBe(201);
    businessKey = registered.body.id;

    // then a real worker issued the receipt, and the triage task reached the cabinet's socket
    const task = await created;
    const instanceId = task.processInstanceId;
    expect(task).toMatchObject({ taskDefinitionKey: 'triage', candidateGroups: ['cabinet'], status: 'open' });
    const receipt = await runtimeApi<{ value: string }[]>('GET', `/history/variable-instance?processInstanceId=${instanceId}&variableName=receiptNumber`);
    expect(receipt[0]?.value).toMatch(/^R\/\d{4}\/\d{6}$/);

    // and the inbox API lists it for the cabinet
    const inbox = await api<UserTaskDto[]>('GET', '/api/user-tasks', { token: cabinetToken });
    expect(inbox.body.map((t) => t.id)).toContain(task.id);

    // when the cabinet completes it through engine
    const completed = nextEvent<UserTaskDto>(cabinetSocket, SOCKET_EVENTS.userTaskCompleted, (t) => t.id === task.id);
    const done = await api('POST', `/api/user-tasks/${task.id}/complete`, { token: cabinetToken, body: { variables: { forAction: ['urbanism'], instruction: 'Pour traitement' } } });
    expect(done.status).toBe(204);

    // then the completion is pushed, and the circuit moves on to the department's head
    expect((await completed).status).toBe('completed');
    await waitFor('the assign_agent task', async () => {
      const tasks = await runtimeApi<{ taskDefinitionKey: string }[]>('GET', `/task?processInstanceId=${instanceId}`);
      return tasks.some((t) => t.taskDefinitionKey === 'assign_agent');
    });
    const assignee = await runtimeApi<{ assignee: string }[]>('GET', `/history/task?processInstanceId=${instanceId}&taskDefinitionKey=triage`);
    expect(assignee[0]?.assignee).toBe('cabinet');
  });

  it('gives a reconnecting client a snapshot of its open tasks', async () => {
    // given an open triage task
    let businessKey = '';
    const created = nextEvent<UserTaskDto>(cabinetSocket, SOCKET_EVENTS.userTaskCreated, (t) => t.businessKey === businessKey);
    businessKey = (await registerMail(registrarToken, aMail())).body.id;
    const task = await created;

    // when the cabinet connects again
    const socket = await connectSocket(cabinetToken);
    const snapshot = await socket.snapshot.finally(() => socket.close());

    // then the snapshot holds it
    expect(snapshot.userTasks.map((t) => t.id)).toContain(task.id);
  });
});
