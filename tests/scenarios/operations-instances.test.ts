import { beforeAll, describe, expect, it } from '@jest/globals';
import type { InstanceOperationsDto, MailDto, UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';
import { auditEntries, deployCircuit, mailOnCircuit, userTaskCircuit, type Step } from './operations.fixtures.js';

const review: Step = { id: 'review', names: ['الدراسة', 'Examen', 'Review'], group: 'cabinet' };
const stamp: Step = { id: 'stamp', names: ['الختم', 'Tampon', 'Stamp'], group: 'cabinet' };
const sign: Step = { id: 'sign', names: ['الإمضاء', 'Signature', 'Signature'], group: 'presidency' };

const UNKNOWN = '0123456789abcdef01234567';

describe('cancelling an instance, or moving it to another step, with a reason', () => {
  const tokens: Record<string, string> = {};
  let key: string;
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet', 'president', 'supervisor', 'head']) tokens[user] = (await login(user)).token;
    key = uniqueKey('ops_move').replace(/-/g, '_');
    await deployCircuit(tokens.admin!, key, userTaskCircuit(key, [review, stamp, sign]));
  }, 60_000);

  it('shows where an instance is and where it may go; moves it, and the inboxes follow; audited', async () => {
    // given a mail whose circuit waits at the review
    const { mailId, chronoNumber, processInstanceId: id } = await mailOnCircuit({ registrar: tokens.registrar!, admin: tokens.admin! }, key);
    const reviewTask = await waitFor('the review in the inbox', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${id}`, { token: tokens.cabinet })).body[0]);

    // when the supervisor opens it, in Arabic
    const shown = await api<InstanceOperationsDto>('GET', `/api/operations/instances/${id}`, { token: tokens.supervisor, headers: { 'accept-language': 'ar' } });

    // then it names the mail, the active step and the steps it may go to, in Arabic
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id, circuitKey: key, mail: { id: mailId, chronoNumber }, active: [{ activityId: 'review', stepName: 'الدراسة' }] });
    expect(shown.body.targets).toEqual(expect.arrayContaining([{ activityId: 'stamp', stepName: 'الختم' }, { activityId: 'sign', stepName: 'الإمضاء' }]));
    expect(shown.body.targets.map((t) => t.activityId)).not.toContain(key);

    // when it is moved to the signature
    const moved = await api<InstanceOperationsDto>('POST', `/api/operations/instances/${id}/move`, { token: tokens.supervisor, body: { to: 'sign', reason: 'already reviewed on paper' } });

    // then the review is gone from the cabinet's inbox and the signature is in the presidency's
    expect(moved.status).toBe(200);
    expect(moved.body.active).toEqual([{ activityId: 'sign', stepName: 'Signature' }]);
    await waitFor('the review to leave the inbox', async () => !(await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${id}`, { token: tokens.cabinet })).body.some((t) => t.id === reviewTask.id));
    const signTask = await waitFor('the signature in the presidency inbox', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${id}`, { token: tokens.president })).body[0]);
    expect(signTask.taskDefinitionKey).toBe('sign');
    // and the move is audited with its steps and reason
    expect(await auditEntries('processInstance.moved', id)).toEqual([
      expect.objectContaining({
        actor: 'supervisor',
        mailId,
        details: expect.objectContaining({ from: [{ activityId: 'review', names: { ar: 'الدراسة', fr: 'Examen', en: 'Review' } }], to: expect.objectContaining({ activityId: 'sign' }), reason: 'already reviewed on paper' }),
      }),
    ]);

    // and a step that isn't one of its circuit is refused, naming the field in the caller's language
    for (const to of ['nowhere', 'f0', key]) {
      const refused = await api('POST', `/api/operations/instances/${id}/move`, { token: tokens.admin, headers: { 'accept-language': 'fr' }, body: { to, reason: 'test' } });
      expect([refused.status, refused.body.error.details.fields[0].field]).toEqual([400, 'to']);
      expect(refused.body.error.message).toContain('Étape cible');
    }
    const noReason = await api('POST', `/api/operations/instances/${id}/move`, { token: tokens.admin, headers: { 'accept-language': 'en' }, body: { to: 'stamp', reason: ' ' } });
    expect([noReason.status, noReason.body.error.details.fields[0].field]).toEqual([400, 'reason']);
    expect(noReason.body.error.message).toContain('Reason');
  }, 180_000);

  it('cancels an instance: its tasks close, it is audited, and nothing starts the mail again', async () => {
    // given a mail whose circuit waits at the review
    const { mailId, processInstanceId: id } = await mailOnCircuit({ registrar: tokens.registrar!, admin: tokens.admin! }, key);
    await waitFor('the review in the inbox', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${id}`, { token: tokens.cabinet })).body[0]);

    // when the admin cancels it with a reason
    const cancelled = await api('POST', `/api/operations/instances/${id}/cancel`, { token: tokens.admin, body: { reason: 'registered twice by mistake' } });

    // then the runtime ended it, the inbox lost its task, and the act is audited
    expect(cancelled.status).toBe(204);
    expect((await runtimeApi<{ state: string }>('GET', `/history/process-instance/${id}`)).state).toBe('EXTERNALLY_TERMINATED');
    await waitFor('the inbox to drop the task', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${id}`, { token: tokens.cabinet })).body.length === 0);
    expect(await auditEntries('processInstance.cancelled', id)).toEqual([
      expect.objectContaining({ actor: 'admin', mailId, details: expect.objectContaining({ circuit: key, reason: 'registered twice by mistake', steps: [expect.objectContaining({ activityId: 'review' })] }) }),
    ]);
    expect((await api('GET', `/api/operations/instances/${id}`, { token: tokens.admin })).status).toBe(404);
    expect((await api('POST', `/api/operations/instances/${id}/cancel`, { token: tokens.admin, body: { reason: 'again' } })).status).toBe(404);

    // and once the reconciler looks at the mail (older than its 30 s settling time), it doesn't start it again
    const mail = (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar })).body;
    const settled = new Date(mail.registeredAt).getTime() + 32_000;
    await new Promise((r) => setTimeout(r, Math.max(0, settled - Date.now())));
    const report = await api<{ at: string; mails: { circuitsRestarted: number } }>('POST', '/api/admin/reconcile', { token: tokens.admin });
    expect(report.status).toBe(200);
    if (new Date(report.body.at).getTime() < settled) await api('POST', '/api/admin/reconcile', { token: tokens.admin }); // a pass already under way began too early
    await new Promise((r) => setTimeout(r, 3_000)); // the start outbox's loop runs every second
    const after = (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar })).body;
    expect(after).toMatchObject({ processInstanceId: id, circuitStart: expect.objectContaining({ state: 'started' }) });
    expect(await runtimeApi<unknown[]>('GET', `/process-instance?businessKey=${mailId}`)).toEqual([]);
  }, 180_000);

  it('answers 404 for an unknown instance and 403 to those who may not', async () => {
    expect((await api('GET', `/api/operations/instances/${UNKNOWN}`, { token: tokens.supervisor })).status).toBe(404);
    const move = await api('POST', `/api/operations/instances/${UNKNOWN}/move`, { token: tokens.supervisor, headers: { 'accept-language': 'ar' }, body: { to: 'sign', reason: 'test' } });
    expect(move.status).toBe(404);
    expect(move.body.error.message).toBe('لا يوجد مسار جارٍ بهذا المعرِّف');
    expect((await api('POST', `/api/operations/instances/${UNKNOWN}/cancel`, { token: tokens.head, body: { reason: 'test' } })).status).toBe(403);
  });
});
