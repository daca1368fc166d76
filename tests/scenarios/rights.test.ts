import { beforeAll, describe, expect, it } from '@jest/globals';
import { SOCKET_EVENTS, type UserTaskDto } from '@diwan/contracts';
import { api, connectSocket, login, nextEvent, uniqueKey } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

describe('who may do what', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet', 'head', 'agent', 'supervisor']) tokens[user] = (await login(user)).token;
  });

  it('refuses every protected route without a valid token', async () => {
    for (const [method, path] of [['GET', '/api/circuits'], ['GET', '/api/user-tasks'], ['GET', '/api/auth/me'], ['POST', '/api/circuits/incoming-mail/instances']] as const) {
      const res = await api(method, path, { token: 'not-a-token' });
      expect([path, res.status, res.body.error.code]).toEqual([path, 401, 'unauthorized']);
    }
  });

  it('lets only admins and registrars start a circuit', async () => {
    for (const user of ['cabinet', 'head', 'agent', 'supervisor']) {
      const res = await api('POST', '/api/circuits/incoming-mail/instances', { token: tokens[user], body: { businessKey: uniqueKey('x') } });
      expect([user, res.status]).toEqual([user, 403]);
    }
  });

  it("shows a department's task only to that department and supervisors, and lets only its members complete it", async () => {
    // given a triage task for the cabinet
    let businessKey = '';
    const socket = await connectSocket(tokens.supervisor!);
    const created = nextEvent<UserTaskDto>(socket, SOCKET_EVENTS.userTaskCreated, (t) => t.businessKey === businessKey).finally(() => socket.close());
    businessKey = (await registerMail(tokens.registrar!, aMail({ departments: { forAction: [], forInformation: [] } }))).body.id;
    const task = await created;

    // then the agent (urbanism) neither sees nor completes it
    const agentInbox = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${businessKey}`, { token: tokens.agent });
    expect(agentInbox.body).toEqual([]);
    expect((await api('POST', `/api/user-tasks/${task.id}/complete`, { token: tokens.agent, body: {} })).status).toBe(404);

    // and the supervisor sees it but may not complete a task that is not theirs
    const supervisorInbox = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${businessKey}`, { token: tokens.supervisor });
    expect(supervisorInbox.body.map((t) => t.id)).toEqual([task.id]);
    const refused = await api('POST', `/api/user-tasks/${task.id}/complete`, { token: tokens.supervisor, body: {} });
    expect(refused.status).toBe(403);
  });
});
