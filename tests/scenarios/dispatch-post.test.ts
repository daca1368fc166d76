import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDispatchDto, MailDto } from '@diwan/contracts';
import { api, deployToRuntime, login, runtimeApi, waitFor } from '../harness/stack.js';
import { anOutgoingMailWithLetter, emailsWithMessageId, getPdf, pdfText } from './dispatch.fixtures.js';
import { aMail, registerMail } from './mail.fixtures.js';

/** A circuit that only dispatches: the real workers serve its `mail.dispatch` step. */
const PROBE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://diwan.example/tests">
  <bpmn:process id="dispatch-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="dispatch" />
    <bpmn:serviceTask id="dispatch" name="Expédier" camunda:type="external" camunda:topic="mail.dispatch"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="dispatch" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

/** Runs the probe circuit for a mail and waits until the workers completed it; answers its variables. */
async function dispatchThroughWorkers(mailId: string, variables: Record<string, string>): Promise<Record<string, { value: unknown }>> {
  const started = await runtimeApi<{ id: string }>('POST', '/process-definition/key/dispatch-probe/start', {
    businessKey: `dispatch-probe-${mailId}`,
    variables: Object.fromEntries(Object.entries({ mailId, ...variables }).map(([k, v]) => [k, { value: v, type: 'String' }])),
  });
  await waitFor(
    'the workers to dispatch the mail',
    async () => (await runtimeApi<{ state: string }>('GET', `/history/process-instance/${started.id}`)).state === 'COMPLETED',
    45_000,
  );
  const vars = await runtimeApi<{ name: string; value: unknown }[]>('GET', `/history/variable-instance?processInstanceId=${started.id}`);
  return Object.fromEntries(vars.map((v) => [v.name, { value: v.value }]));
}

const strip = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

describe('dispatch through the real workers', () => {
  let registrar: string;
  beforeAll(async () => {
    registrar = (await login('registrar')).token;
    await deployToRuntime('dispatch-probe', [{ name: 'dispatch-probe.bpmn', content: PROBE }]);
  });

  it('by post: the mail waits for the post, the clerk prints the slip and the envelope, then confirms', async () => {
    // given an outgoing mail whose circuit chose the post
    const mail = await anOutgoingMailWithLetter(registrar);

    // when the workers run its dispatch step
    const variables = await dispatchThroughWorkers(mail.id, { dispatchMeans: 'post' });

    // then the task completed with the state, and the mail waits for the post
    expect(variables.dispatchState?.value).toBe('awaiting_post');
    const waiting = await api<{ dispatch: MailDispatchDto }>('GET', `/api/mails/${mail.id}/dispatch`, { token: registrar });
    expect(waiting.body.dispatch).toMatchObject({ means: 'post', state: 'awaiting_post', by: 'workers' });
    expect(waiting.body.dispatch.recipient).toContain('صفاقس');

    // and the slip shows the chrono number, the recipient and the pages of the two-page letter
    const slip = await getPdf(`/api/mails/${mail.id}/dispatch/slip.pdf`, registrar);
    expect(slip.status).toBe(200);
    expect(slip.type).toBe('application/pdf');
    const slipText = strip(pdfText(slip.bytes, 'dispatch-slip'));
    expect(slipText).toContain(mail.chronoNumber);
    expect(slipText).toContain('شركة النور للبناء');
    expect(slipText).toMatch(/Bordereau d'envoi/);
    expect(slipText).toMatch(/Pages\s+2\b|\b2\s+عدد الصفحات/);

    // and the envelope (DL by default, C5 on demand) carries the address, right to left
    const envelope = await getPdf(`/api/mails/${mail.id}/dispatch/envelope.pdf`, registrar);
    expect(envelope.status).toBe(200);
    const envelopeText = strip(pdfText(envelope.bytes, 'dispatch-envelope-dl'));
    expect(envelopeText).toContain('شركة النور للبناء');
    expect(envelopeText).toContain('12');
    expect(envelopeText).toContain(mail.chronoNumber);
    const c5 = await getPdf(`/api/mails/${mail.id}/dispatch/envelope.pdf?size=C5`, registrar);
    expect(strip(pdfText(c5.bytes, 'dispatch-envelope-c5'))).toContain('صفاقس');
    expect((await getPdf(`/api/mails/${mail.id}/dispatch/envelope.pdf?size=A3`, registrar)).status).toBe(400);

    // when an agent tries to confirm the posting, then it is refused; the registry clerk confirms it
    const agent = (await login('agent')).token;
    expect((await api('POST', `/api/mails/${mail.id}/dispatch/posted`, { token: agent, body: {} })).status).toBe(403);
    const posted = await api<{ dispatch: MailDispatchDto }>('POST', `/api/mails/${mail.id}/dispatch/posted`, { token: registrar, body: { reference: 'RR 1234 5678 TN' } });
    expect(posted.status).toBe(200);
    expect(posted.body.dispatch).toMatchObject({ state: 'posted', by: 'registrar', reference: 'RR 1234 5678 TN' });
    // a second confirmation changes nothing
    const again = await api<{ dispatch: MailDispatchDto }>('POST', `/api/mails/${mail.id}/dispatch/posted`, { token: registrar, body: {} });
    expect(again.body.dispatch).toEqual(posted.body.dispatch);
    const full = await api<MailDto>('GET', `/api/mails/${mail.id}`, { token: registrar });
    expect(full.body.timeline!.filter((e) => e.action === 'mail.dispatched').map((e) => e.details.state)).toEqual(['awaiting_post', 'posted']);
  });

  it('by e-mail: the real worker sends it once through the local SMTP server', async () => {
    const mail = await anOutgoingMailWithLetter(registrar);
    const variables = await dispatchThroughWorkers(mail.id, { dispatchMeans: 'email' });
    const messageId = `<dispatch.${mail.id}@diwan.localhost>`;
    expect(variables.dispatchReference?.value).toBe(messageId);
    const emails = await emailsWithMessageId(messageId);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.attachments[0]!.contentType).toBe('application/pdf');
  });

  it('keeps the documents to those who may see the mail, and to registered outgoing mail', async () => {
    const mail = await anOutgoingMailWithLetter(registrar);
    // the president (presidency) is in no department of this mail and has no task on it yet
    const president = (await login('president')).token;
    expect((await getPdf(`/api/mails/${mail.id}/dispatch/slip.pdf`, president)).status).toBe(404);
    expect((await api('GET', `/api/mails/${mail.id}/dispatch`, { token: president })).status).toBe(404);
    // the agent of the department may print it
    expect((await getPdf(`/api/mails/${mail.id}/dispatch/envelope.pdf`, (await login('agent')).token)).status).toBe(200);
    expect((await api('POST', `/api/mails/${mail.id}/dispatch/posted`, { token: registrar, body: {} })).status).toBe(409);
    const incoming = (await registerMail(registrar, aMail())).body as MailDto;
    expect((await getPdf(`/api/mails/${incoming.id}/dispatch/slip.pdf`, registrar)).status).toBe(409);
  });
});
