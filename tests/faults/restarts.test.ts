import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserTaskDto } from '@diwan/contracts';
import { root } from '../../scripts/build.mjs';
import { startStackOnFreePorts, type Stack } from '../../scripts/stack.mjs';
import { DEMO_PASSWORD, uniqueKey, waitFor } from '../harness/stack.js';

/**
 * Faults: a stack of its own, on files (not in memory), whose parts are stopped and started again
 * while mail flows. Nothing may be lost, and nothing may be done twice.
 */
const circuit = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="fault-review" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review" camunda:candidateGroups="cabinet" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('restarts lose nothing and do nothing twice', () => {
  let stack: Stack;
  let runtimeAuth: string;

  const engine = async (method: string, url: string, token?: string, body?: unknown) => {
    const res = await fetch(stack.engineUrl + url, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const runtime = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(stack.runtimeUrl + url, {
      method,
      headers: { authorization: runtimeAuth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const login = async (username: string): Promise<string> => (await engine('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD })).body.token;
  const startReview = async (businessKey: string): Promise<string> =>
    (await runtime('POST', '/process-definition/key/fault-review/start', { businessKey })).id;
  const cabinetTasks = async (token: string, businessKey: string): Promise<UserTaskDto[]> =>
    (await engine('GET', `/api/user-tasks?businessKey=${businessKey}`, token)).body;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'diwan-faults-'));
    stack = await startStackOnFreePorts({
      dataDir,
      quiet: true,
      logDir: path.join(root, 'test-results', 'logs', 'faults'),
      workersEnv: { DIWAN_WORKER_LOCK_MS: '5000' },
    });
    runtimeAuth = `Basic ${Buffer.from(`${stack.runtimeUser}:${stack.runtimePassword}`).toString('base64')}`;
    const form = new FormData();
    form.set('deployment-name', 'fault-review');
    form.set('fault-review.bpmn', new Blob([circuit]), 'fault-review.bpmn');
    const res = await fetch(`${stack.runtimeUrl}/deployment/create`, { method: 'POST', headers: { authorization: runtimeAuth }, body: form });
    expect(res.ok).toBe(true);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('keeps runtime events in the outbox while the engine is down and applies them once when it is back', async () => {
    // given the engine is down
    await stack.stopPart('engine');

    // when the runtime creates a user task meanwhile
    const businessKey = uniqueKey('engine-down');
    await startReview(businessKey);

    // then, once the engine is back, the task is in the inbox exactly once
    await stack.startPart('engine');
    const token = await login('cabinet');
    const tasks = await waitFor('the task to reach the read model', async () => {
      const found = await cabinetTasks(token, businessKey);
      return found.length ? found : null;
    }, 30_000);
    expect(tasks).toHaveLength(1);
  }, 120_000);

  it('lets a task wait while the workers are down and does it once when they are back', async () => {
    // given the workers are down
    await stack.stopPart('workers');

    // when a mail circuit reaches its receipt step
    const businessKey = uniqueKey('workers-down');
    const instanceId: string = (await runtime('POST', '/process-definition/key/incoming-mail/start', { businessKey })).id;
    await new Promise((r) => setTimeout(r, 1_000));
    const [waiting] = await runtime('GET', `/external-task?processInstanceId=${instanceId}`);
    expect(waiting).toMatchObject({ topicName: 'receipt.issue', retries: null, errorMessage: null });

    // then the restarted workers issue exactly one receipt and the circuit moves on (a long poll
    // that the stopped process left open may have locked the task: it waits for the lock to expire)
    await stack.startPart('workers');
    const cabinet = await login('cabinet');
    await waitFor('the triage task', async () => (await cabinetTasks(cabinet, businessKey)).length > 0, 45_000);
    const [receiptVariable] = await runtime('GET', `/history/variable-instance?processInstanceId=${instanceId}&variableName=receiptNumber`);
    const updates = await runtime('GET', `/history/detail?variableInstanceId=${receiptVariable.id}&variableUpdates=true`);
    expect(updates).toHaveLength(1);
  }, 120_000);

  it('keeps a running instance across a runtime restart and finishes it', async () => {
    // given an open task
    const businessKey = uniqueKey('runtime-restart');
    const instanceId = await startReview(businessKey);
    const cabinet = await login('cabinet');
    const [task] = await waitFor('the task', async () => {
      const found = await cabinetTasks(cabinet, businessKey);
      return found.length ? found : null;
    }, 30_000);

    // when the runtime stops, the engine reports it, and it starts again
    await stack.stopPart('runtime');
    const health = await engine('GET', '/api/health');
    expect([health.status, health.body.runtime.state]).toEqual([503, 'down']);
    await stack.startPart('runtime');

    // then the task can be completed through the engine and the instance ends
    const done = await engine('POST', `/api/user-tasks/${task!.id}/complete`, cabinet, {});
    expect(done.status).toBe(204);
    const history = await waitFor('the instance to end', async () => {
      const h = await runtime('GET', `/history/process-instance/${instanceId}`);
      return h.state === 'COMPLETED' ? h : null;
    });
    expect(history.endTime).toBeTruthy();
  }, 180_000);

  it('keeps registered data across a restart of the MongoDB wire server', async () => {
    // given a receipt stored through the engine
    const businessKey = uniqueKey('mongo-restart');
    const issue = () =>
      fetch(`${stack.engineUrl}/api/internal/receipts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.secrets.DIWAN_WORKER_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ businessKey, processInstanceId: 'pi' }),
      }).then((r) => r.json() as Promise<{ number: string }>);
    const before = await issue();

    // when the wire server restarts on its files
    await stack.stopPart('mongo');
    await stack.startPart('mongo');

    // then asking again gives the same receipt
    const after = await waitFor('the engine to reconnect', () => issue().catch(() => null), 30_000);
    expect(after.number).toBe(before.number);
  }, 120_000);
});
