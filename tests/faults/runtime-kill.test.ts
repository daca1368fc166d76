import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { root } from '../../scripts/build.mjs';
import { freePort, startStack, type Stack } from '../../scripts/stack.mjs';
import { waitFor } from '../harness/stack.js';

/**
 * Faults: the runtime on its H2 file. `kill -9` while instances start: every instance the runtime
 * acknowledged must exist after the restart (H2 used to write committed transactions up to 500 ms
 * later). And the runtime is private: it listens on loopback only, and wrong passwords sent to its
 * service user can't lock that user, so they can't take the engine's health down.
 */
const circuit = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="fault-durable" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review" camunda:candidateGroups="fault-nobody" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const STARTS = Number(process.env.FAULT_INSTANCES || 200);
const CONCURRENCY = 4;
const KILL_AFTER = 60;

describe('the runtime on its H2 file', () => {
  let stack: Stack;
  let runtimePort: number;
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const serviceAuth = () => basic(stack.runtimeUser, stack.runtimePassword);

  beforeAll(async () => {
    runtimePort = await freePort();
    stack = await startStack({
      dataDir: mkdtempSync(path.join(tmpdir(), 'diwan-faults-runtime-')),
      ports: { engine: await freePort(), runtime: runtimePort, mongo: await freePort() },
      quiet: true,
      logDir: path.join(root, 'test-results', 'logs', 'faults-runtime'),
    });
    const form = new FormData();
    form.set('deployment-name', 'fault-durable');
    form.set('fault-durable.bpmn', new Blob([circuit]), 'fault-durable.bpmn');
    const res = await fetch(`${stack.runtimeUrl}/deployment/create`, { method: 'POST', headers: { authorization: serviceAuth() }, body: form });
    expect(res.ok).toBe(true);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const start = async (i: number): Promise<string | null> => {
    try {
      const res = await fetch(`${stack.runtimeUrl}/process-definition/key/fault-durable/start`, {
        method: 'POST',
        headers: { authorization: serviceAuth(), 'content-type': 'application/json' },
        body: JSON.stringify({ businessKey: `durable-${i}` }),
        signal: AbortSignal.timeout(20_000),
      });
      return res.ok ? ((await res.json()) as { id: string }).id : null;
    } catch {
      return null;
    }
  };

  it('keeps every instance it acknowledged across a kill -9', async () => {
    // given instances starting, several at a time
    const acknowledged: string[] = [];
    let attempts = 0;
    let killed = false;

    // when the runtime is killed (SIGKILL) in the middle of the run
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (!killed && attempts < STARTS) {
        attempts++;
        const id = await start(attempts);
        if (id) acknowledged.push(id);
        if (!killed && acknowledged.length >= KILL_AFTER) {
          killed = true;
          await stack.stopPart('runtime', { kill: true });
        }
      }
    }));
    expect(killed).toBe(true);

    // and started again on the same file
    await stack.startPart('runtime');

    // then every acknowledged instance is there
    const found: { id: string }[] = await (await fetch(`${stack.runtimeUrl}/process-instance`, {
      method: 'POST',
      headers: { authorization: serviceAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionKey: 'fault-durable' }),
    })).json() as { id: string }[];
    const present = new Set(found.map((p) => p.id));
    const lost = acknowledged.filter((id) => !present.has(id));
    console.log(`runtime kill -9: ${attempts} starts sent, ${acknowledged.length} acknowledged, ${found.length} instances after the restart, ${lost.length} acknowledged lost`);
    expect(lost).toEqual([]);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
  }, 300_000);

  it('does not let wrong passwords lock its service user, so the engine stays healthy', async () => {
    // given the engine is healthy
    await waitFor('the engine to be healthy', async () => (await fetch(`${stack.engineUrl}/api/health`)).ok, 60_000);

    // when someone tries wrong passwords for the service user, more than Operaton's 10 before a lock
    const wrong = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      fetch(`${stack.runtimeUrl}/version`, { headers: { authorization: basic(stack.runtimeUser, `guess-${i}`) } }).then((r) => r.status)));
    expect(wrong).toEqual(Array(12).fill(401));

    // then the service user still gets in at once, and the engine's health stays up
    const right = await fetch(`${stack.runtimeUrl}/version`, { headers: { authorization: serviceAuth() } });
    expect(right.status).toBe(200);
    const health = await fetch(`${stack.engineUrl}/api/health`);
    const report = (await health.json()) as { runtime: { state: string } };
    expect([health.status, report.runtime.state]).toEqual([200, 'up']);
  }, 120_000);

  it('listens on loopback only', async () => {
    // given the addresses of this machine other than loopback
    const outside = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    if (!outside.length) console.log('no non-loopback IPv4 address on this machine: only loopback was checked');

    // when a client connects to the runtime's port on each of them, and on loopback
    const connects = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: runtimePort, timeout: 3_000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
        socket.once('timeout', () => {
          socket.destroy();
          resolve(false);
        });
      });

    // then only loopback answers
    expect(await connects('127.0.0.1')).toBe(true);
    for (const address of outside) expect([address, await connects(address)]).toEqual([address, false]);
  }, 60_000);
});
