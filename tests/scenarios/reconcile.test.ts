import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto, UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, waitFor } from '../harness/stack.js';
import { engineDb, mailWithCircuit } from './mail.fixtures.js';
import { emailsTo, notificationReaches, requestNotification } from './notifications.fixtures.js';

/** The reconciler brings the inbox and the mails back to the runtime's truth after crashes. */
describe('the reconciler', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet', 'agent']) tokens[user] = (await login(user)).token;
  });
  const reconcile = () => api('POST', '/api/admin/reconcile', { token: tokens.admin });
  const triageOf = (mailId: string) =>
    waitFor('the triage task', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens.cabinet })).body[0], 45_000);

  it('runs on demand for admins only', async () => {
    expect((await api('POST', '/api/admin/reconcile', { token: tokens.agent })).status).toBe(403);
    expect((await api('POST', '/api/admin/reconcile', {})).status).toBe(401);
  });

  it('closes ghost tasks and brings back the tasks the inbox lost', async () => {
    // given a ghost (open in the inbox, unknown to the runtime) and a real task the inbox lost
    const { mailId } = await mailWithCircuit(tokens.registrar!);
    const lost = await triageOf(mailId);
    const ghostId = randomUUID();
    const { db, close } = await engineDb();
    try {
      await db.collection('userTasks').insertOne({ _id: ghostId as never, name: 'Ghost', taskDefinitionKey: 'ghost', processInstanceId: 'none', processDefinitionId: 'none', circuitKey: null, businessKey: null, mail: null, assignee: null, candidateGroups: ['cabinet'], candidateUsers: [], priority: 50, dueDate: null, formKey: null, createdAt: new Date(), status: 'open', endedAt: null });
      await db.collection('userTasks').deleteOne({ _id: lost.id as never });
    } finally {
      await close();
    }
    const inbox = async () => (await api<UserTaskDto[]>('GET', '/api/user-tasks', { token: tokens.cabinet })).body.map((t) => t.id);
    expect(await inbox()).toContain(ghostId);
    expect(await inbox()).not.toContain(lost.id);

    // when an admin runs the reconciler
    const res = await reconcile();

    // then the ghost is gone, the lost task is back, and the report says so
    expect(res.status).toBe(200);
    expect(res.body.userTasks.ghosts).toBeGreaterThanOrEqual(1);
    expect(res.body.userTasks.missing).toBeGreaterThanOrEqual(1);
    expect(await inbox()).not.toContain(ghostId);
    expect(await inbox()).toContain(lost.id);
    // and claiming the recovered task works (it is real)
    expect((await api('POST', `/api/user-tasks/${lost.id}/claim`, { token: tokens.cabinet })).status).toBe(200);
  }, 120_000);

  it('starts again a circuit the runtime lost, exactly once', async () => {
    // given a mail whose instance the runtime lost entirely (running and history), registered a while ago
    const { mailId, processInstanceId } = await mailWithCircuit(tokens.registrar!);
    await triageOf(mailId);
    await runtimeApi('DELETE', `/process-instance/${processInstanceId}?skipCustomListeners=true`);
    await runtimeApi('DELETE', `/history/process-instance/${processInstanceId}`);
    const { db, close } = await engineDb();
    try {
      await db.collection('mails').updateOne({ _id: new (await import('mongoose')).default.Types.ObjectId(mailId) }, { $set: { registeredAt: new Date(Date.now() - 3_600_000) } });
    } finally {
      await close();
    }

    // when the reconciler runs
    const res = await reconcile();

    // then the mail goes back to the circuit-start outbox, which starts one new instance
    expect(res.body.mails.circuitsRestarted).toBe(1);
    const mail = await waitFor('a new instance', async () => {
      const m = (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar })).body;
      return m.processInstanceId && m.processInstanceId !== processInstanceId ? m : null;
    });
    const instances = await runtimeApi<unknown[]>('GET', `/process-instance?businessKey=${mailId}`);
    expect(instances).toHaveLength(1);
    expect(mail.circuitStart?.state).toBe('started');
  }, 120_000);

  it('hands a pending notification that lost its delivery entry back to the delivery loop, and it is sent once', async () => {
    // given an e-mail left pending an hour ago without its delivery entry (as a build before the loop
    // waited for notifications being written left some): a real one's document, taken as it was before sending
    const sent = await requestNotification({ channel: 'email', to: { email: `modele.${randomUUID()}@exemple.tn` }, template: 'answer.available', data: {}, dedupeKey: `model-${randomUUID()}` });
    await notificationReaches(tokens.admin!, sent.body.id, ['sent', 'delivered']);
    const id = `stranded-${randomUUID()}`;
    const address = `bloque.${randomUUID()}@exemple.tn`;
    const { db, close } = await engineDb();
    try {
      const notifications = db.collection<{ _id: string; [field: string]: unknown }>('notifications');
      const model = (await notifications.findOne({ _id: sent.body.id }))!;
      await notifications.insertOne({
        ...model, _id: id, to: { email: address }, status: 'pending', attempts: 0, lastError: null, providerMessageId: null, transport: null,
        createdAt: new Date(Date.now() - 3_600_000), sentAt: null, deliveredAt: null, receipt: null,
      });
      expect(await db.collection('notificationOutbox').countDocuments({ _id: id as never })).toBe(0);
    } finally {
      await close();
    }

    // when an admin runs the reconciler
    const res = await reconcile();

    // then it says so, and the e-mail goes out, once, even after another pass
    expect(res.status).toBe(200);
    expect(res.body.notificationsRequeued).toBeGreaterThanOrEqual(1);
    await notificationReaches(tokens.admin!, id, ['sent', 'delivered']);
    expect((await reconcile()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await waitFor('the e-mail kept by the SMTP server', async () => (await emailsTo(address)).length || null)).toBe(1);
  }, 120_000);
});
