import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BulkResultDto, MailDto, MigrationPreviewDto, UserTaskDto } from '@diwan/contracts';
import { api, deployToRuntime, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';
import { auditEntries, deployCircuit, mailOnCircuit, userTaskCircuit, type Step } from './operations.fixtures.js';

const review: Step = { id: 'review', names: ['الدراسة', 'Examen', 'Review'], group: 'cabinet' };
const stamp: Step = { id: 'stamp', names: ['الختم', 'Tampon', 'Stamp'], group: 'cabinet' };
const check: Step = { id: 'check', names: ['المراجعة', 'Vérification', 'Check'], group: 'cabinet' };

/** The open task of an instance as the cabinet's inbox shows it. */
const openTask = (token: string, processInstanceId: string) =>
  waitFor(`the open task of ${processInstanceId}`, async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${processInstanceId}`, { token })).body.find((t) => t.status === 'open'), 30_000);

describe('migrating running instances to a new version of their circuit', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet', 'supervisor']) tokens[user] = (await login(user)).token;
  });

  it('previews what maps where with counts, migrates what can move, and the instances continue on the new version', async () => {
    // given three mails on version 1 (review, then stamp): two at review, one at stamp
    const key = uniqueKey('ops_migrate').replace(/-/g, '_');
    const v1 = await deployCircuit(tokens.admin!, key, userTaskCircuit(key, [review, stamp]));
    const bound = { registrar: tokens.registrar!, admin: tokens.admin! };
    const mails = [await mailOnCircuit(bound, key), await mailOnCircuit(bound, key), await mailOnCircuit(bound, key)];
    const [first, second, atStamp] = mails.map((m) => m.processInstanceId) as [string, string, string];
    const toComplete = await openTask(tokens.cabinet!, atStamp);
    expect((await api('POST', `/api/user-tasks/${toComplete.id}/complete`, { token: tokens.cabinet, body: { variables: {} } })).status).toBe(204);
    await waitFor('the third mail at stamp', async () => (await openTask(tokens.cabinet!, atStamp)).taskDefinitionKey === 'stamp');
    // and version 2, where stamp is gone and a check follows the review
    const v2 = await deployCircuit(tokens.admin!, key, userTaskCircuit(key, [review, check]));
    expect([v1.version, v2.version]).toEqual([1, 2]);

    // when the supervisor previews the migration, in French
    const preview = await api<MigrationPreviewDto>('POST', '/api/operations/migrations/preview', {
      token: tokens.supervisor,
      headers: { 'accept-language': 'fr' },
      body: { sourceDefinitionId: v1.id, targetDefinitionId: v2.id },
    });

    // then it shows review → review with two instances, stamp unmapped with one, and which instance can't move
    expect(preview.status).toBe(200);
    expect(preview.body.source).toEqual({ id: v1.id, key, version: 1, name: 'Circuit de test' });
    expect(preview.body.target).toEqual({ id: v2.id, key, version: 2, name: 'Circuit de test' });
    expect(preview.body.mapped).toContainEqual({ from: { activityId: 'review', stepName: 'Examen' }, to: { activityId: 'review', stepName: 'Examen' }, instances: 2 });
    expect(preview.body.unmapped).toEqual([{ activityId: 'stamp', stepName: 'Tampon', instances: 1 }]);
    expect(preview.body.instanceCount).toBe(3);
    expect(preview.body.problems).toEqual([{ processInstanceId: atStamp, messages: [expect.stringContaining('Tampon')] }]);

    // when the admin migrates every instance of version 1
    const migrated = await api<BulkResultDto>('POST', '/api/operations/migrations', {
      token: tokens.admin,
      body: { sourceDefinitionId: v1.id, targetDefinitionId: v2.id, reason: 'version 2 adds a check' },
    });

    // then the two at review moved, the one at stamp stayed with the runtime's reason
    expect(migrated.status).toBe(200);
    expect(migrated.body.done.sort()).toEqual([first, second].sort());
    expect(migrated.body.failed).toEqual([{ id: atStamp, message: expect.any(String) }]);
    expect((await runtimeApi<{ definitionId: string }>('GET', `/process-instance/${first}`)).definitionId).toBe(v2.id);
    expect((await runtimeApi<{ definitionId: string }>('GET', `/process-instance/${atStamp}`)).definitionId).toBe(v1.id);
    // and the mails record the version they now run
    const versionOf = async (mailId: string) => (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar })).body.circuit;
    expect(await versionOf(mails[0]!.mailId)).toEqual({ key, version: 2 });
    expect(await versionOf(mails[1]!.mailId)).toEqual({ key, version: 2 });
    expect(await versionOf(mails[2]!.mailId)).toEqual({ key, version: 1 });
    // and each migration is audited with its mail, versions and reason
    expect(await auditEntries('processInstance.migrated', first)).toEqual([
      expect.objectContaining({ actor: 'admin', mailId: mails[0]!.mailId, details: expect.objectContaining({ fromVersion: 1, toVersion: 2, reason: 'version 2 adds a check' }) }),
    ]);

    // when the cabinet completes the review of a migrated instance
    const task = await openTask(tokens.cabinet!, first);
    expect((await api('POST', `/api/user-tasks/${task.id}/complete`, { token: tokens.cabinet, body: { variables: {} } })).status).toBe(204);

    // then it continues on version 2: its next step is the new check
    const next = await waitFor('the check of version 2', async () => (await runtimeApi<{ taskDefinitionKey: string; processDefinitionId: string }[]>('GET', `/task?processInstanceId=${first}`))[0]);
    expect(next).toMatchObject({ taskDefinitionKey: 'check', processDefinitionId: v2.id });
  }, 240_000);

  it('refuses versions of other circuits, the same version, unknown ones and versions deployed behind Diwan\'s back', async () => {
    const key = uniqueKey('ops_pair').replace(/-/g, '_');
    const v1 = await deployCircuit(tokens.admin!, key, userTaskCircuit(key, [review]));
    const other = uniqueKey('ops_other').replace(/-/g, '_');
    const elsewhere = await deployCircuit(tokens.admin!, other, userTaskCircuit(other, [review]));
    const preview = (body: unknown, language = 'en') => api('POST', '/api/operations/migrations/preview', { token: tokens.admin, headers: { 'accept-language': language }, body });

    const same = await preview({ sourceDefinitionId: v1.id, targetDefinitionId: v1.id });
    expect([same.status, same.body.error.details.fields[0].field]).toEqual([400, 'targetDefinitionId']);
    const otherCircuit = await preview({ sourceDefinitionId: v1.id, targetDefinitionId: elsewhere.id }, 'ar');
    expect([otherCircuit.status, otherCircuit.body.error.details.fields[0].field]).toEqual([400, 'targetDefinitionId']);
    expect(otherCircuit.body.error.message).toContain('النسخة الجديدة للمسار');
    const unknown = await preview({ sourceDefinitionId: 'nope:1:0123', targetDefinitionId: v1.id });
    expect([unknown.status, unknown.body.error.details.fields[0].field]).toEqual([404, 'sourceDefinitionId']);
    const missing = await preview({ sourceDefinitionId: v1.id }, 'fr');
    expect([missing.status, missing.body.error.details.fields[0].field]).toEqual([400, 'targetDefinitionId']);
    expect(missing.body.error.message).toContain('Nouvelle version du circuit');

    // a version 2 deployed straight into the runtime, without the policy
    await deployToRuntime(key, [{ name: `${key}.bpmn`, content: userTaskCircuit(key, [review, stamp]) }]);
    const [latest] = await runtimeApi<{ id: string; version: number }[]>('GET', `/process-definition?key=${key}&latestVersion=true`);
    expect(latest!.version).toBe(2);
    const behindBack = await api('POST', '/api/operations/migrations', { token: tokens.admin, body: { sourceDefinitionId: v1.id, targetDefinitionId: latest!.id, reason: 'should not pass' } });
    expect([behindBack.status, behindBack.body.error.details.fields[0].field]).toEqual([400, 'targetDefinitionId']);

    // the versions picker lists both, newest first
    const versions = await api<{ version: number; instances: number; name: string }[]>('GET', `/api/operations/circuits/${key}/versions`, { token: tokens.supervisor, headers: { 'accept-language': 'en' } });
    expect(versions.body.map((v) => [v.version, v.instances, v.name])).toEqual([[2, 0, 'Test circuit'], [1, 0, 'Test circuit']]);
    expect((await api('GET', `/api/operations/circuits/${uniqueKey('none')}/versions`, { token: tokens.supervisor })).status).toBe(404);
  }, 120_000);
});
