import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BulkResultDto, UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';
import { auditEntries, deployCircuit, testUsers, uniqueName, userTaskCircuit } from './operations.fixtures.js';

describe('reassigning all of an absent person\'s tasks', () => {
  const tokens: Record<string, string> = {};
  // people of their own, so that no other test's tasks move
  const absent = uniqueName('absent');
  const standIn = uniqueName('standin');
  const disabled = uniqueName('disabled');
  let urbanismKey: string;
  let cabinetKey: string;

  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'supervisor', 'agent']) tokens[user] = (await login(user)).token;
    await testUsers([
      { username: absent, departments: ['urbanism'] },
      { username: standIn, departments: ['urbanism'] },
      { username: disabled, departments: ['urbanism'], active: false },
    ]);
    urbanismKey = uniqueKey('ops_reassign_u').replace(/-/g, '_');
    cabinetKey = uniqueKey('ops_reassign_c').replace(/-/g, '_');
    await deployCircuit(tokens.admin!, urbanismKey, userTaskCircuit(urbanismKey, [{ id: 'study', names: ['دراسة الملف', 'Étude du dossier', 'Case study'], group: 'urbanism', assignee: absent }]));
    await deployCircuit(tokens.admin!, cabinetKey, userTaskCircuit(cabinetKey, [{ id: 'seal', names: ['الختم', 'Sceau', 'Seal'], group: 'cabinet', assignee: absent }]));
  }, 60_000);

  /** An instance of the circuit for a fresh mail, and its task once the inbox has it. */
  async function taskFor(key: string): Promise<{ mailId: string; processInstanceId: string; taskId: string }> {
    const mail = await registerMail(tokens.registrar!, aMail());
    const instance = await runtimeApi<{ id: string }>('POST', `/process-definition/key/${key}/start`, { businessKey: mail.body.id });
    const task = await waitFor('the task in the read model', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${instance.id}`, { token: tokens.supervisor })).body[0]);
    expect(task.assignee).toBe(absent);
    return { mailId: mail.body.id, processInstanceId: instance.id, taskId: task.id };
  }

  it('moves each task to a stand-in who may work on it, fails the others with a clear message, and the inboxes follow', async () => {
    // given two urbanism tasks and a cabinet task held by the absent person
    const study1 = await taskFor(urbanismKey);
    const study2 = await taskFor(urbanismKey);
    const seal = await taskFor(cabinetKey);

    // when the supervisor hands all of them to a colleague of urbanism
    const res = await api<BulkResultDto>('POST', '/api/operations/tasks/reassign', {
      token: tokens.supervisor,
      headers: { 'accept-language': 'en' },
      body: { from: absent, to: standIn, reason: 'on leave until next month' },
    });

    // then the urbanism tasks moved; the cabinet one stayed, saying why
    expect(res.status).toBe(200);
    expect(res.body.done.sort()).toEqual([study1.taskId, study2.taskId].sort());
    expect(res.body.failed).toEqual([{ id: seal.taskId, message: `${standIn} may not work on the task “Seal”` }]);
    expect((await runtimeApi<{ assignee: string }>('GET', `/task/${study1.taskId}`)).assignee).toBe(standIn);
    expect((await runtimeApi<{ assignee: string }>('GET', `/task/${seal.taskId}`)).assignee).toBe(absent);
    // and the inbox read model follows through the bridge's assignment event
    for (const { processInstanceId } of [study1, study2]) {
      await waitFor('the read model to name the stand-in', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${processInstanceId}`, { token: tokens.supervisor })).body[0]?.assignee === standIn);
    }
    // and each move is audited with the mail and the reason
    expect(await auditEntries('userTask.reassigned', study1.processInstanceId)).toEqual([
      expect.objectContaining({ actor: 'supervisor', mailId: study1.mailId, details: expect.objectContaining({ userTaskId: study1.taskId, from: absent, to: standIn, reason: 'on leave until next month' }) }),
    ]);
    expect(await auditEntries('userTask.reassigned', seal.processInstanceId)).toEqual([]);

    // when some tasks are named, one of them no longer held by the absent person
    const named = await api<BulkResultDto>('POST', '/api/operations/tasks/reassign', {
      token: tokens.admin,
      headers: { 'accept-language': 'fr' },
      body: { from: standIn, to: absent, taskIds: [study1.taskId, seal.taskId], reason: 'back from leave' },
    });
    expect(named.body.done).toEqual([study1.taskId]);
    expect(named.body.failed).toEqual([{ id: seal.taskId, message: expect.stringContaining(standIn) }]);
  }, 120_000);

  it('refuses a disabled or unknown person, and the same person, naming the field', async () => {
    const call = (body: unknown, language = 'fr') => api('POST', '/api/operations/tasks/reassign', { token: tokens.admin, headers: { 'accept-language': language }, body });
    const toDisabled = await call({ from: absent, to: disabled, reason: 'test' });
    expect([toDisabled.status, toDisabled.body.error.details.fields[0].field]).toEqual([400, 'to']);
    expect(toDisabled.body.error.message).toContain('Nouveau titulaire');
    const same = await call({ from: absent, to: absent.toUpperCase(), reason: 'test' });
    expect([same.status, same.body.error.details.fields[0].field]).toEqual([400, 'to']);
    const nobody = await call({ from: uniqueName('nobody'), to: standIn, reason: 'test' }, 'ar');
    expect([nobody.status, nobody.body.error.details.fields[0].field]).toEqual([400, 'from']);
    expect(nobody.body.error.message).toContain('المكلَّف الحالي');
    const missing = await call({ to: standIn, reason: 'test' }, 'en');
    expect([missing.status, missing.body.error.details.fields[0].field]).toEqual([400, 'from']);
    expect((await api('POST', '/api/operations/tasks/reassign', { token: tokens.agent, body: { from: absent, to: standIn, reason: 'test' } })).status).toBe(403);
  });
});
