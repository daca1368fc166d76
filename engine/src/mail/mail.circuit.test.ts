import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { runtimeApi, stack, uniqueKey } from '../../../tests/harness/stack.js';
import { RuntimeClient } from '../runtime/runtime.client.js';
import { createLogger } from '../shared/logger.js';
import { EventBus } from '../shared/event-bus.js';
import { CircuitStarter } from './mail.circuit.js';
import { MailModel, type Mail } from './mail.model.js';
import { reconcileMails } from './mail.reconcile.js';
import { dueCircuitStarts, enqueueCircuitStart } from './mail.start-queue.js';

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

  const registeredMail = async (starter: CircuitStarter, registeredAt: Date, sequence: number): Promise<Mail> =>
    (
      await MailModel.create({
        chronoNumber: `2026/A/${sequence}`, register: 'A', year: 2026, sequence, direction: 'incoming', subject: 'Registered here', receivedAt: registeredAt,
        status: 'registered', registeredBy: 'registrar', registeredAt, trackingCode: uniqueKey('t').slice(0, 10), dueDate: null,
        departments: { forAction: [], forInformation: [], consulted: [] }, namedUsers: [], circuit: { key: CIRCUIT, version: null },
        circuitStart: starter.registeredState(registeredAt),
      })
    ).toObject();
  const instancesOf = (businessKey: string) => runtimeApi<{ id: string }[]>('GET', `/history/process-instance?processInstanceBusinessKey=${businessKey}`);
  const queued = async (mailId: string) => (await dueCircuitStarts(new Date(Date.now() + 3_600_000), 1000)).some((e) => e._id === mailId);
  const waitUntil = async (what: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await what()); i++) await new Promise((r) => setTimeout(r, 100));
  };

  it('starts a mail registered here without the queue, with its registrar\'s departments from the session', async () => {
    // given a mail registered on this node, under its lease
    const here = starter(realRuntime());
    const mail = await registeredMail(here, new Date(), 999101);

    // when it is handed over with the departments the registrar's session gives
    here.startRegistered(mail, ['BO-HERE']);
    await waitUntil(async () => (await MailModel.findById(mail._id).lean())!.circuitStart!.state === 'started');

    // then its circuit started once, from that department, and no queue entry was ever needed
    const started = (await MailModel.findById(mail._id).lean())!;
    expect(started.circuitStart).toMatchObject({ state: 'started', attempts: 1, lockedUntil: null });
    const instances = await instancesOf(String(mail._id));
    expect(instances.map((i) => i.id)).toEqual([started.processInstanceId]);
    const origin = await runtimeApi<{ value: string }>('GET', `/process-instance/${started.processInstanceId}/variables/originDepartment`);
    expect(origin.value).toBe('BO-HERE');
    expect(await queued(String(mail._id))).toBe(false);
  });

  it('leaves a mail whose node died before or during its start to the reconciler, and starts it once', async () => {
    // given two mails registered on a node that died: one before asking the runtime, one after the
    // runtime had started its circuit but before the mail recorded it
    const dead = starter(realRuntime());
    const past = new Date(Date.now() - 31_000);
    const untouched = await registeredMail(dead, past, 999102);
    const halfway = await registeredMail(dead, past, 999103);
    const made = await runtimeApi<{ id: string }>('POST', `/process-definition/key/${CIRCUIT}/start`, { businessKey: String(halfway._id), variables: {} });
    expect(await queued(String(untouched._id))).toBe(false);

    // when the reconciler's full pass runs (as at start), then the outbox
    await reconcileMails(realRuntime());
    expect(await queued(String(untouched._id))).toBe(true);
    expect(await queued(String(halfway._id))).toBe(true);
    const survivor = starter(realRuntime());
    await survivor.processDue();

    // then each runs exactly one circuit: the second keeps the one the dead node had made
    for (const mail of [untouched, halfway]) {
      const now = (await MailModel.findById(mail._id).lean())!;
      expect(now.circuitStart!.state).toBe('started');
      expect((await instancesOf(String(mail._id))).map((i) => i.id)).toEqual([now.processInstanceId]);
      expect(await queued(String(mail._id))).toBe(false);
    }
    expect((await MailModel.findById(halfway._id).lean())!.processInstanceId).toBe(made.id);
  });

  it('queues a mail registered here whose start fails, with its back-off, and what waits for its turn at stop', async () => {
    // given the runtime unreachable and a mail registered here
    const down = starter(new RuntimeClient({ baseUrl: 'http://127.0.0.1:9/engine-rest', user: 'x', password: 'x', timeoutMs: 2000 }));
    const mail = await registeredMail(down, new Date(), 999104);

    // when it is handed over
    down.startRegistered(mail, []);
    await down.stop();

    // then it waits in the queue, pending, no longer leased, its first try counted
    expect(await queued(String(mail._id))).toBe(true);
    expect((await MailModel.findById(mail._id).lean())!.circuitStart).toMatchObject({ state: 'pending', attempts: 1, lockedUntil: null, lastError: expect.stringContaining('unreachable') });
  });
});
