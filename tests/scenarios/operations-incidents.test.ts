import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BasicAuthInterceptor, Client, type TaskService, type ExternalTask } from 'camunda-external-task-client-js';
import type { BulkResultDto, IncidentDto } from '@diwan/contracts';
import { api, deployToRuntime, login, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';
import { auditEntries } from './operations.fixtures.js';

/** A tiny circuit with one external task on a topic only this test serves, deployed behind the engine's policy. */
const KEY = uniqueKey('ops_incident').replace(/-/g, '_');
const TOPIC = `test.${KEY}`;
const circuit = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="${KEY}" name="Ops incidents" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:extensionElements><camunda:properties><camunda:property name="name.ar" value="مسار الحوادث" /><camunda:property name="name.fr" value="Circuit des incidents" /><camunda:property name="name.en" value="Incident circuit" /></camunda:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="stamp" />
    <bpmn:serviceTask id="stamp" name="Tampon" camunda:type="external" camunda:topic="${TOPIC}">
      <bpmn:extensionElements><camunda:properties><camunda:property name="name.ar" value="الختم" /><camunda:property name="name.fr" value="Apposer le tampon" /><camunda:property name="name.en" value="Stamp" /></camunda:properties></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="stamp" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('incidents from a failing worker, and their bulk retry', () => {
  const tokens: Record<string, string> = {};
  /** The worker fails on purpose (a bug: no retries, an incident at once) until told otherwise. */
  let failing = true;
  const client = new Client({
    baseUrl: stack.runtimeUrl,
    workerId: uniqueKey('ops-test-worker'),
    asyncResponseTimeout: 2_000,
    interval: 100,
    autoPoll: false,
    interceptors: new BasicAuthInterceptor({ username: process.env.DIWAN_TEST_RUNTIME_USER!, password: process.env.DIWAN_TEST_RUNTIME_PASSWORD! }),
  });

  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'supervisor', 'agent']) tokens[user] = (await login(user)).token;
    await deployToRuntime(KEY, [{ name: `${KEY}.bpmn`, content: circuit }]);
    client.subscribe(TOPIC, {}, async ({ task, taskService }: { task: ExternalTask; taskService: TaskService }) => {
      if (failing) await taskService.handleFailure(task, { errorMessage: 'stamp service refused the seal', errorDetails: 'Error: stamp service refused the seal\n    at stamp (test)', retries: 0, retryTimeout: 0 });
      else await taskService.complete(task);
    });
    client.start();
  }, 60_000);
  afterAll(() => client.stop());

  it('lists each incident with its cause, step name in the caller\'s language and mail; a bulk retry resolves them and the circuits complete', async () => {
    // given three mails (one of them secret) whose instances of the circuit fail on the stamp step
    const mails = await Promise.all(
      [aMail(), aMail(), aMail({ confidentiality: 'secret', namedUsers: [] })].map(async (mail) => (await registerMail(tokens.registrar!, mail)).body as { id: string; chronoNumber: string }),
    );
    const instances = await Promise.all(mails.map((m) => runtimeApi<{ id: string }>('POST', `/process-definition/key/${KEY}/start`, { businessKey: m.id })));
    const ids = instances.map((i) => i.id);
    const listed = await waitFor('the three incidents', async () => {
      const res = await api<IncidentDto[]>('GET', `/api/operations/incidents?circuit=${KEY}`, { token: tokens.supervisor, headers: { 'accept-language': 'ar' } });
      const mine = res.body.filter((i) => ids.includes(i.processInstanceId));
      return mine.length === 3 ? mine : null;
    }, 30_000);

    // then each names its cause, circuit and step in Arabic, its external task and topic, and its mail by chrono number only
    for (const incident of listed) {
      const mail = mails[ids.indexOf(incident.processInstanceId)]!;
      expect(incident).toMatchObject({
        type: 'failedExternalTask',
        cause: 'stamp service refused the seal',
        circuitKey: KEY,
        circuitName: 'مسار الحوادث',
        activityId: 'stamp',
        stepName: 'الختم',
        topic: TOPIC,
        externalTaskId: expect.any(String),
        mail: { id: mail.id, chronoNumber: mail.chronoNumber },
      });
    }
    expect(JSON.stringify(listed)).not.toContain('subject');
    const french = await api<IncidentDto[]>('GET', `/api/operations/incidents?circuit=${KEY}`, { token: tokens.admin, headers: { 'accept-language': 'fr' } });
    expect(french.body.find((i) => i.processInstanceId === ids[0])).toMatchObject({ stepName: 'Apposer le tampon', circuitName: 'Circuit des incidents' });
    // the unfiltered list holds them too
    const all = await api<IncidentDto[]>('GET', '/api/operations/incidents', { token: tokens.admin });
    expect(all.body.filter((i) => ids.includes(i.processInstanceId))).toHaveLength(3);

    // when the worker is fixed and the supervisor retries the three (and one unknown incident) at once
    failing = false;
    const retry = await api<BulkResultDto>('POST', '/api/operations/incidents/retry', {
      token: tokens.supervisor,
      headers: { 'accept-language': 'en' },
      body: { incidentIds: [...listed.map((i) => i.id), 'no-such-incident'], reason: 'stamp service is back' },
    });

    // then the three are done, the unknown one fails with a message, and the circuits complete
    expect(retry.status).toBe(200);
    expect(retry.body.done.sort()).toEqual(listed.map((i) => i.id).sort());
    expect(retry.body.failed).toEqual([{ id: 'no-such-incident', message: 'This incident no longer exists' }]);
    for (const id of ids) {
      await waitFor(`instance ${id} to complete`, async () => (await runtimeApi<{ state: string }>('GET', `/history/process-instance/${id}`)).state === 'COMPLETED', 30_000);
    }
    const after = await api<IncidentDto[]>('GET', `/api/operations/incidents?circuit=${KEY}`, { token: tokens.admin });
    expect(after.body.filter((i) => ids.includes(i.processInstanceId))).toEqual([]);

    // and each instance's retry is audited once, by the supervisor, with the mail, the step and the reason
    for (const [n, id] of ids.entries()) {
      const entries = await auditEntries('incident.retried', id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: 'supervisor', mailId: mails[n]!.id, details: { reason: 'stamp service is back', step: { ar: 'الختم', fr: 'Apposer le tampon', en: 'Stamp' } } });
    }
  }, 120_000);

  it('refuses bad input naming the field in the caller\'s language, and other roles', async () => {
    const noReason = await api('POST', '/api/operations/incidents/retry', { token: tokens.admin, headers: { 'accept-language': 'ar' }, body: { incidentIds: ['x'] } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('السبب');
    expect(noReason.body.error.details.fields).toEqual([{ field: 'reason', message: expect.stringContaining('السبب') }]);
    const empty = await api('POST', '/api/operations/incidents/retry', { token: tokens.admin, headers: { 'accept-language': 'fr' }, body: { incidentIds: [], reason: 'ok ok' } });
    expect([empty.status, empty.body.error.details.fields[0].field]).toEqual([400, 'incidentIds']);
    expect(empty.body.error.message).toContain('Incidents');
    expect((await api('GET', '/api/operations/incidents', { token: tokens.agent })).status).toBe(403);
    expect((await api('GET', '/api/operations/incidents')).status).toBe(401);
  });
});
