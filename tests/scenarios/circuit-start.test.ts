import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto } from '@diwan/contracts';
import { api, deployToRuntime, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';

/** Cancels a mail's circuit (again while a worker holds a step and the runtime answers with a lock conflict). */
async function cancel(processInstanceId: string): Promise<void> {
  await waitFor(
    'the circuit to be cancelled',
    async () => runtimeApi('DELETE', `/process-instance/${processInstanceId}`).then(() => true, () => false),
    60_000,
  );
}

import { aMail, mailWithCircuit, registerMail } from './mail.fixtures.js';

/** A circuit deployed straight into the runtime, behind Diwan's back (no policy). */
const foreignCircuit = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
  <bpmn:process id="${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="s"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
    <bpmn:endEvent id="e"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('starting a circuit by hand', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet']) tokens[user] = (await login(user)).token;
  });

  it('refuses a business key that is not a mail', async () => {
    const res = await api('POST', '/api/circuits/incoming-mail/instances', { token: tokens.registrar, body: { businessKey: uniqueKey('x') } });
    expect(res.status).toBe(404);
  });

  it('refuses variables from the caller: a circuit starts with the mail facts only', async () => {
    const { mailId } = await mailWithCircuit(tokens.registrar!);
    const res = await api('POST', '/api/circuits/incoming-mail/instances', { token: tokens.registrar, body: { businessKey: mailId, variables: { agent: 'registrar' } } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('variables');
  });

  it('refuses a mail whose circuit is running', async () => {
    const { mailId } = await mailWithCircuit(tokens.registrar!);
    const res = await api('POST', '/api/circuits/incoming-mail/instances', { token: tokens.registrar, body: { businessKey: mailId } });
    expect([res.status, res.body.error.code]).toEqual([409, 'conflict']);
  });

  it('refuses a secret mail to whoever may not see it, even an admin', async () => {
    const secret = await registerMail(tokens.registrar!, aMail({ confidentiality: 'secret', namedUsers: [] }));
    const res = await api('POST', '/api/circuits/incoming-mail/instances', { token: tokens.admin, body: { businessKey: secret.body.id } });
    expect(res.status).toBe(404);
  });

  it('refuses a circuit deployed behind Diwan\'s back', async () => {
    const key = uniqueKey('foreign').replace(/-/g, '_');
    await deployToRuntime(key, [{ name: `${key}.bpmn`, content: foreignCircuit(key) }]);
    const { mailId } = await mailWithCircuit(tokens.registrar!);
    const res = await api('POST', `/api/circuits/${key}/instances`, { token: tokens.registrar, body: { businessKey: mailId } });
    expect(res.status).toBe(404);
  }, 120_000);

  it('starts a mail\'s circuit again once the previous one ended, and the mail records it', async () => {
    // given a mail whose circuit was cancelled
    const { mailId, processInstanceId } = await mailWithCircuit(tokens.registrar!);
    await cancel(processInstanceId);

    // when the registrar starts the incoming circuit for it
    const res = await api('POST', '/api/circuits/incoming-mail/instances', { token: tokens.registrar, body: { businessKey: mailId } });

    // then it runs, and the mail names the new instance and the circuit's version
    expect(res.status).toBe(201);
    const mail = await waitFor('the mail to record its new instance', async () => {
      const m = (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar })).body;
      return m.processInstanceId === res.body.id ? m : null;
    });
    expect(mail.circuit).toEqual({ key: 'incoming-mail', version: expect.any(Number) });
  }, 120_000);
});
