import { afterAll, describe, expect, it } from '@jest/globals';
import { BasicAuthInterceptor, Client } from 'camunda-external-task-client-js';
import { pino } from 'pino';
import { deployToRuntime, runtimeApi, stack, uniqueKey, waitFor } from '../../tests/harness/stack.js';
import { withFailurePolicy, type TopicHandler } from './failure-policy.js';
import { uniqueWorkerId } from './config.js';
import { BusinessError, TransientError } from './worker.errors.js';

const TOPIC = 'test.policy';
const circuit = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:error id="err_rejected" errorCode="REJECTED" />
  <bpmn:process id="policy-test" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="${TOPIC}" />
    <bpmn:boundaryEvent id="rejected" attachedToRef="work"><bpmn:errorEventDefinition errorRef="err_rejected" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="done" />
    <bpmn:endEvent id="done" />
    <bpmn:sequenceFlow id="f3" sourceRef="rejected" targetRef="done_rejected" />
    <bpmn:endEvent id="done_rejected" />
  </bpmn:process>
</bpmn:definitions>`;

/** Each instance's variable `mode` tells the handler how to fail. */
const attempts = new Map<string, number>();
const handler: TopicHandler = async (task) => {
  const n = (attempts.get(task.processInstanceId) ?? 0) + 1;
  attempts.set(task.processInstanceId, n);
  const mode = task.variables.get('mode');
  if (mode === 'business') throw new BusinessError('REJECTED', 'the request is rejected');
  if (mode === 'bug') throw new TypeError('cannot read properties of undefined');
  if (mode === 'transient' && n === 1) throw new TransientError('peer is down');
  return { handledBy: 'policy-test' };
};

describe('the failure policy against the real runtime', () => {
  const client = new Client({
    baseUrl: stack.runtimeUrl,
    workerId: uniqueWorkerId(),
    asyncResponseTimeout: 2_000,
    interval: 100,
    autoPoll: false,
    interceptors: new BasicAuthInterceptor({ username: process.env.DIWAN_TEST_RUNTIME_USER!, password: process.env.DIWAN_TEST_RUNTIME_PASSWORD! }),
  });
  const started = deployToRuntime('policy-test', [{ name: 'policy-test.bpmn', content: circuit }]).then(() => {
    client.subscribe(TOPIC, {}, withFailurePolicy(TOPIC, handler, pino({ level: 'silent' })));
    client.start();
  });
  afterAll(() => client.stop());

  async function run(mode: string): Promise<string> {
    await started;
    const instance = await runtimeApi<{ id: string }>('POST', '/process-definition/key/policy-test/start', {
      businessKey: uniqueKey(mode),
      variables: { mode: { value: mode, type: 'String' } },
    });
    return instance.id;
  }
  const endActivity = (id: string) =>
    waitFor(`instance ${id} to end`, async () => {
      const acts = await runtimeApi<{ activityId: string; activityType: string }[]>('GET', `/history/activity-instance?processInstanceId=${id}&activityType=noneEndEvent`);
      return acts[0]?.activityId;
    });

  it('completes the task when the handler succeeds', async () => {
    expect(await endActivity(await run('ok'))).toBe('done');
  });

  it('turns a business outcome into a BPMN error that the circuit catches', async () => {
    expect(await endActivity(await run('business'))).toBe('done_rejected');
  });

  it('retries a transient failure later with one retry fewer', async () => {
    const id = await run('transient');
    const task = await waitFor('the failure to be recorded', async () => {
      const [t] = await runtimeApi<{ retries: number | null; errorMessage: string | null }[]>('GET', `/external-task?processInstanceId=${id}`);
      return t?.errorMessage ? t : null;
    });
    expect(task).toMatchObject({ retries: 4, errorMessage: 'peer is down' });
  });

  it('raises an incident for a bug, with the error message', async () => {
    const id = await run('bug');
    const incident = await waitFor('an incident', async () => {
      const [i] = await runtimeApi<{ incidentType: string; incidentMessage: string }[]>('GET', `/incident?processInstanceId=${id}`);
      return i;
    });
    expect(incident).toMatchObject({ incidentType: 'failedExternalTask', incidentMessage: 'cannot read properties of undefined' });
    expect(attempts.get(id)).toBe(1);
  });
});
