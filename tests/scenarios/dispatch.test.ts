import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ExternalTask } from 'camunda-external-task-client-js';
import type { MailDispatchDto, MailDto } from '@diwan/contracts';
import { DispatchApi } from '../../workers/src/dispatch/dispatch.api.js';
import { smtpMailer } from '../../workers/src/dispatch/mailer.js';
import { EngineApi } from '../../workers/src/engine.api.js';
import { mailDispatchHandler } from '../../workers/src/handlers/mail-dispatch.handler.js';
import { TransientError } from '../../workers/src/worker.errors.js';
import { api, login, stack } from '../harness/stack.js';
import { anOutgoingMailWithLetter, emailsWithMessageId, smtpDir, smtpUrl } from './dispatch.fixtures.js';
import { aMail, registerMail } from './mail.fixtures.js';

const FROM = "Bureau d'ordre <bureau-ordre@diwan.localhost>";

/** The handler as the worker builds it, against the real engine and the real local SMTP server. */
function realHandler() {
  return mailDispatchHandler({
    engine: new EngineApi(stack.engineUrl, stack.workerToken),
    dispatch: new DispatchApi(stack.engineUrl, stack.workerToken),
    mailer: smtpMailer(smtpUrl(), FROM),
    timeZone: 'Africa/Tunis',
  });
}

/** The same external task, as the runtime would hand it out again on a retry. */
function externalTask(variables: Record<string, unknown>): ExternalTask {
  return { id: 'probe', processInstanceId: 'probe', businessKey: variables.mailId, retries: null, variables: { get: (k: string) => variables[k] } } as unknown as ExternalTask;
}

describe('dispatch by e-mail through the local SMTP server', () => {
  let registrar: string;
  beforeAll(async () => {
    registrar = (await login('registrar')).token;
  });

  it('sends the letter once, in Arabic, with the PDF attached, even when the worker runs the same task twice', async () => {
    // given an outgoing Arabic mail with its letter, to a correspondent with an e-mail address
    const mail = await anOutgoingMailWithLetter(registrar);
    const handler = realHandler();
    const task = externalTask({ mailId: mail.id, dispatchMeans: 'email' });

    // when the worker handles the task, then handles it again (a redelivery)
    const first = await handler(task);
    const second = await handler(task);

    // then one e-mail left, with the Message-ID derived from the mail, in Arabic, carrying the PDF
    const messageId = `<dispatch.${mail.id}@diwan.localhost>`;
    expect(first).toEqual({ dispatchState: 'sent', dispatchReference: messageId });
    expect(second).toEqual(first);
    const emails = await emailsWithMessageId(messageId);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email!.subject).toBe(`مراسلة عدد ${mail.chronoNumber}: ${mail.subject}`);
    expect(email!.to && 'text' in email!.to ? email!.to.text : '').toContain(mail.correspondent!.email!);
    expect(email!.html).toContain('dir="rtl"');
    expect(email!.attachments).toHaveLength(1);
    expect(email!.attachments[0]!.contentType).toBe('application/pdf');
    expect(email!.attachments[0]!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // and the mail records it, once, for whoever may see it
    const seen = await api<{ dispatch: MailDispatchDto }>('GET', `/api/mails/${mail.id}/dispatch`, { token: registrar });
    expect(seen.body.dispatch).toMatchObject({ means: 'email', state: 'sent', reference: messageId, recipient: mail.correspondent!.email, attempts: 1 });
    const full = await api<MailDto>('GET', `/api/mails/${mail.id}`, { token: registrar });
    expect(full.body.timeline!.filter((e) => e.action === 'mail.dispatched')).toHaveLength(1);
  });

  it('writes the e-mail in French for a French letter', async () => {
    const mail = await anOutgoingMailWithLetter(registrar, { language: 'fr' });
    await realHandler()(externalTask({ mailId: mail.id, dispatchMeans: 'email' }));
    const [email] = await emailsWithMessageId(`<dispatch.${mail.id}@diwan.localhost>`);
    expect(email!.subject).toBe(`Courrier n° ${mail.chronoNumber} : ${mail.subject}`);
    expect(email!.html).toContain('dir="ltr"');
  });

  it('sends nothing while another worker holds the claim: the task is retried later', async () => {
    // given a worker that claimed the sending and has not recorded it yet
    const mail = await anOutgoingMailWithLetter(registrar);
    const claim = await new DispatchApi(stack.engineUrl, stack.workerToken).claim(mail.id, 'email', mail.correspondent!.email);
    expect(claim.outcome).toBe('claimed');
    const before = readdirSync(smtpDir()).length;

    // when a second worker gets the same task
    const outcome = realHandler()(externalTask({ mailId: mail.id, dispatchMeans: 'email' }));

    // then it fails as transient (retried with back-off), and nothing was sent
    await expect(outcome).rejects.toBeInstanceOf(TransientError);
    expect(readdirSync(smtpDir()).length).toBe(before);
    expect(await emailsWithMessageId(`<dispatch.${mail.id}@diwan.localhost>`)).toHaveLength(0);
  });

  it('raises an incident (not a silent success) when the correspondent has no e-mail address', async () => {
    const mail = await anOutgoingMailWithLetter(registrar, { email: null });
    await expect(realHandler()(externalTask({ mailId: mail.id, dispatchMeans: 'email' }))).rejects.toThrow(/no e-mail address/);
    expect((await api('GET', `/api/mails/${mail.id}/dispatch`, { token: registrar })).body).toEqual({ dispatch: null });
  });

  it('chooses the post when the circuit chose nothing and the correspondent has no e-mail', async () => {
    const mail = await anOutgoingMailWithLetter(registrar, { email: null });
    expect(await realHandler()(externalTask({ mailId: mail.id }))).toEqual({ dispatchState: 'awaiting_post', dispatchReference: null });
  });
});

describe('the internal dispatch routes refuse what they should', () => {
  it('answers 401 to a user token, 400 to a bad means, 409 to an incoming mail', async () => {
    const registrar = (await login('registrar')).token;
    const mail = await anOutgoingMailWithLetter(registrar);
    expect((await api('POST', `/api/internal/mails/${mail.id}/dispatch/claim`, { token: registrar, body: { means: 'email' } })).status).toBe(401);
    const worker = { authorization: `Bearer ${stack.workerToken}` };
    expect((await api('POST', `/api/internal/mails/${mail.id}/dispatch/claim`, { headers: worker, body: { means: 'pigeon' } })).status).toBe(400);
    expect((await api('POST', `/api/internal/mails/${mail.id}/dispatch/record`, { headers: worker, body: { means: 'email', state: 'posted' } })).status).toBe(400);
    const incoming = (await registerMail(registrar, aMail())).body as MailDto;
    expect((await api('POST', `/api/internal/mails/${incoming.id}/dispatch/claim`, { headers: worker, body: { means: 'email' } })).status).toBe(409);
    expect((await api('POST', '/api/internal/mails/0123456789abcdef01234567/dispatch/claim', { headers: worker, body: { means: 'email' } })).status).toBe(404);
  });
});
