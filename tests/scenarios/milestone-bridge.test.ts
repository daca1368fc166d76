import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import type { RuntimeEvent } from '@diwan/contracts';
import { connectSocket, deployToRuntime, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';

/**
 * The runtime's bridge reports every flow node that declares `diwan.milestone` when it starts, as a
 * `milestone.reached` event the engine accepts (validated by the contract's schema, then recorded
 * in processedEvents). Nodes without the property report nothing.
 */
const key = uniqueKey('milestones').replace(/-/g, '_');
const milestone = (status: string) =>
  `<bpmn:extensionElements><camunda:properties><camunda:property name="diwan.milestone" value="${status}"/></camunda:properties></bpmn:extensionElements>`;
const circuit = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="received">${milestone('triaged')}</bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="received" targetRef="handling"/>
    <bpmn:subProcess id="handling">
      <bpmn:startEvent id="handling_started"/>
      <bpmn:sequenceFlow id="f2" sourceRef="handling_started" targetRef="working"/>
      <bpmn:intermediateThrowEvent id="working" name="Travail · عمل">${milestone('in_progress')}</bpmn:intermediateThrowEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="working" targetRef="review"/>
      <bpmn:userTask id="review" camunda:candidateGroups="cabinet"/>
      <bpmn:sequenceFlow id="f4" sourceRef="review" targetRef="handling_done"/>
      <bpmn:endEvent id="handling_done"/>
    </bpmn:subProcess>
    <bpmn:sequenceFlow id="f5" sourceRef="handling" targetRef="closed"/>
    <bpmn:endEvent id="closed" name="Clos">${milestone('closed')}</bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('milestones through the event bridge', () => {
  let supervisor: Socket;
  const seen: RuntimeEvent[] = [];
  // Other tests' circuits reach milestones too: count only this instance's.
  let instanceId = '';
  const milestonesReceived = async () => seen.filter((e) => e.processInstanceId === instanceId).length;

  beforeAll(async () => {
    supervisor = await connectSocket((await login('supervisor')).token);
    supervisor.on('milestone.reached', (event: RuntimeEvent) => seen.push(event));
    await deployToRuntime(key, [{ name: `${key}.bpmn`, content: circuit }]);
  });
  afterAll(async () => {
    supervisor.close();
  });

  it('reports each milestone node as it starts, and only those', async () => {
    // given a circuit with milestones on a start event, a node inside a sub-process and the end event
    const before = 0;

    // when an instance starts and waits at the (milestone-free) user task
    const businessKey = uniqueKey('bk');
    const instance = await runtimeApi<{ id: string }>('POST', `/process-definition/key/${key}/start`, { businessKey });
    instanceId = instance.id;

    // then the engine received two milestone events: the start event's and the sub-process node's
    await waitFor('two milestone events', async () => (await milestonesReceived()) >= before + 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await milestonesReceived()).toBe(before + 2);

    // when the user task completes and the instance reaches the end event
    const [task] = await runtimeApi<{ id: string }[]>('GET', `/task?processInstanceId=${instance.id}`);
    await runtimeApi('POST', `/task/${task!.id}/complete`, {});

    // then the end event's milestone arrives too
    await waitFor('the closing milestone', async () => (await milestonesReceived()) >= before + 3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await milestonesReceived()).toBe(before + 3);

    // and each event names the instance, the node and its status, in the order the nodes started
    const mine = seen.filter((e) => e.processInstanceId === instance.id);
    expect(mine.map((e) => e.milestone)).toEqual([
      { status: 'triaged', activityId: 'received', activityName: null },
      { status: 'in_progress', activityId: 'working', activityName: 'Travail · عمل' },
      { status: 'closed', activityId: 'closed', activityName: 'Clos' },
    ]);
    expect(mine[0]).toMatchObject({ type: 'milestone.reached', businessKey, processDefinitionKey: key });
  });
});
