import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { runtimeApi, stack, uniqueKey } from '../../../tests/harness/stack.js';
import { RuntimeClient } from '../runtime/runtime.client.js';
import { createLogger } from '../shared/logger.js';
import { EventBus } from '../shared/event-bus.js';
import { CircuitStarter } from './mail.circuit.js';
import { MailModel } from './mail.model.js';
import { enqueueCircuitStart } from './mail.start-queue.js';

const logger = createLogger('silent');
const CIRCUIT = 'incoming-mail';
const starter = (runtime: RuntimeClient) => new CircuitStarter(runtime, logger, new EventBus(), async () => CIRCUIT);
const realRuntime = () =>
  new RuntimeClient({ baseUrl: stack.runtimeUrl, user: process.env.DIWAN_TEST_RUNTIME_USER!, password: process.env.DIWAN_TEST_RUNTIME_PASSWORD! });

describe('the circuit start outbox', () => {
  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('outbox') });
    await MailModel.syncIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('waits while the runtime is down, then starts the circuit exactly once', async () => {
    // given a registered incoming mail waiting in the outbox
    const now = new Date();
    const mail = await MailModel.create({
      chronoNumber: '2026/A/999001', register: 'A', year: 2026, sequence: 999001, direction: 'incoming', subject: 'Outbox test', receivedAt: now,
      status: 'registered', registeredBy: 'registrar', registeredAt: now, trackingCode: uniqueKey('t').slice(0, 10), dueDate: new Date(now.getTime() + 15 * 86400_000),
      departments: { forAction: [], forInformation: [], consulted: [] }, namedUsers: [],
      circuitStart: { state: 'pending', attempts: 0, lastError: null, nextAttemptAt: now, lockedUntil: null },
    });
    await enqueueCircuitStart(String(mail._id), now);

    // when the runtime is unreachable (a closed port)
    const down = starter(new RuntimeClient({ baseUrl: 'http://127.0.0.1:9/engine-rest', user: 'x', password: 'x', timeoutMs: 2000 }));
    expect(await down.processDue()).toBe(0);

    // then the mail stays pending with the error and a later next attempt
    const waiting = await MailModel.findById(mail._id).lean();
    expect(waiting!.circuitStart).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('unreachable') });
    expect(waiting!.circuitStart!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(waiting!.processInstanceId).toBeNull();
    // and it is not retried before its time
    expect(await down.processDue()).toBe(0);
    expect((await MailModel.findById(mail._id).lean())!.circuitStart!.attempts).toBe(1);

    // when the runtime is back (two engine nodes passing at the same time, after the back-off)
    const later = new Date(Date.now() + 5_000);
    const [a, b] = await Promise.all([starter(realRuntime()).processDue(later), starter(realRuntime()).processDue(later)]);

    // then exactly one start, recorded on the mail
    expect(a + b).toBe(1);
    const started = await MailModel.findById(mail._id).lean();
    expect(started!.circuitStart).toMatchObject({ state: 'started', attempts: 2, lastError: null });
    // and the mail records the circuit and the version it runs
    expect(started!.circuit).toMatchObject({ key: CIRCUIT, version: expect.any(Number) });
    const key = String(mail._id);
    const instances = await runtimeApi<{ id: string }[]>('GET', `/history/process-instance?processInstanceBusinessKey=${key}&processDefinitionKey=${CIRCUIT}`);
    expect(instances.map((i) => i.id)).toEqual([started!.processInstanceId]);

    // when the engine had crashed after the start but before recording it (state back to pending)
    await MailModel.updateOne({ _id: mail._id }, { $set: { 'circuitStart.state': 'pending', 'circuitStart.nextAttemptAt': new Date(0), processInstanceId: null } });
    await enqueueCircuitStart(String(mail._id), new Date(0));
    await starter(realRuntime()).processDue();

    // then it finds the existing instance instead of starting a second one
    const again = await runtimeApi<{ id: string }[]>('GET', `/history/process-instance?processInstanceBusinessKey=${key}&processDefinitionKey=${CIRCUIT}`);
    expect(again).toHaveLength(1);
    expect((await MailModel.findById(mail._id).lean())!.processInstanceId).toBe(instances[0]!.id);
  });
});
