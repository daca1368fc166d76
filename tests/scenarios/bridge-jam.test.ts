import { beforeAll, describe, expect, it } from '@jest/globals';
import type { UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

/** A circuit that passes the policy but whose timer-start job fails: its user task's assignee has no value. */
const failingTimerCircuit = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_${key}" targetNamespace="https://diwan.example/test">
  <bpmn:process id="${key}" name="Timer" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="every_second" name="Timer">
      <bpmn:outgoing>f1</bpmn:outgoing>
      <bpmn:timerEventDefinition id="t1"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">R1/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="every_second" targetRef="review" />
    <bpmn:userTask id="review" name="Review" camunda:assignee="\${nobodyKnowsThisVariable}"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="done" />
    <bpmn:endEvent id="done" name="Done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('a runtime event without an instance', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet']) tokens[user] = (await login(user)).token;
  });

  it('does not jam the inboxes: after a timer-start job fails into an incident, tasks still arrive', async () => {
    // given a deployed circuit whose timer-start job fails until it raises an incident (no instance exists)
    const key = uniqueKey('timer').replace(/-/g, '_');
    const form = new FormData();
    form.append('files', new Blob([failingTimerCircuit(key)]), `${key}.bpmn`);
    const deployed = await fetch(`${stack.engineUrl}/api/circuits`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: form });
    expect(deployed.status).toBe(201);
    await waitFor('the incident of the timer job', async () => {
      const incidents = await runtimeApi<{ processInstanceId: string | null }[]>('GET', `/incident?processDefinitionKeyIn=${key}`);
      return incidents.length > 0 && incidents.every((i) => i.processInstanceId === null);
    }, 60_000);

    // when the registrar registers a mail afterwards
    const mailId: string = (await registerMail(tokens.registrar!, aMail())).body.id;

    // then its triage task reaches the cabinet's inbox: the bridge was not jammed
    const task = await waitFor('the triage task in the inbox', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens.cabinet })).body[0], 45_000);
    expect(task.status).toBe('open');
    // and the runtime's outbox is not stuck behind the incident: it drains (other files' mails may fill it for a while)
    await waitFor('the runtime outbox to drain', async () => {
      const health = await api('GET', '/api/health');
      return health.body.bridge.nodes.length > 0 && health.body.bridge.nodes.every((n: { pending: number | null }) => (n.pending ?? 0) < 100);
    }, 45_000);
  }, 120_000);
});
