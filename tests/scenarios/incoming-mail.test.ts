import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto, UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

/** The standard circuit end to end, through the engine API, as the demo users. */
describe('the incoming-mail circuit', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['registrar', 'cabinet', 'head', 'agent', 'supervisor']) tokens[user] = (await login(user)).token;
  });

  const openTask = (user: string, mailId: string, key: string) =>
    waitFor(`${key} of ${mailId} for ${user}`, async () => {
      const res = await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] });
      return res.body.find((t) => t.taskDefinitionKey === key && t.status === 'open');
    });
  const complete = (user: string, id: string, variables: Record<string, unknown>) =>
    api('POST', `/api/user-tasks/${id}/complete`, { token: tokens[user], body: { variables } });

  it('goes from registration to archive: receipt, triage, assignment, opinion, rejection, validation', async () => {
    // given a registered incoming mail
    const registered = await registerMail(tokens.registrar!, aMail({ priority: 'urgent' }));
    expect(registered.status).toBe(201);
    const mailId: string = registered.body.id;

    // when the cabinet opens the triage form
    const triage = await openTask('cabinet', mailId, 'triage');
    expect(triage.priority).toBe(100);
    const form = await api('GET', `/api/user-tasks/${triage.id}/form`, { token: tokens.cabinet });
    // then it gets the form-js schema and the department options
    expect(form.status).toBe(200);
    expect(form.body.schema.id).toBe('triage-form');
    expect(form.body.data.departmentOptions.map((o: { value: string }) => o.value)).toEqual(expect.arrayContaining(['urbanism', 'finance']));
    expect(form.body.data.chronoNumber).toBe(registered.body.chronoNumber);

    // when it triages without a department, then it is refused
    expect((await complete('cabinet', triage.id, { forAction: [], instruction: 'x' })).status).toBe(400);
    // when it triages to urbanism (a list), then the head of urbanism gets the assignment
    expect((await complete('cabinet', triage.id, { forAction: ['urbanism'], forInformation: ['finance'], instruction: 'Pour traitement' })).status).toBe(204);
    const assign = await openTask('head', mailId, 'assign_agent');
    expect(assign.candidateGroups).toEqual(['urbanism']);
    expect(assign.mail?.chronoNumber).toBe((registered.body as MailDto).chronoNumber);
    const statusOf = async () => (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.cabinet })).body.status;
    expect(await statusOf()).toBe('triaged');
    const assignForm = await api('GET', `/api/user-tasks/${assign.id}/form`, { token: tokens.head });
    expect(assignForm.body.data.agentOptions.map((o: { value: string }) => o.value)).toEqual(expect.arrayContaining(['agent', 'head']));
    expect(assignForm.body.data.forAction).toEqual(['urbanism']);
    expect((await complete('head', assign.id, { agent: 'agent' })).status).toBe(204);

    // when the agent asks urbanism for an opinion, then a give_opinion task goes to that department
    const processing = await openTask('agent', mailId, 'process_mail');
    expect(processing.assignee).toBe('agent');
    await waitFor('the mail to be in progress', async () => (await statusOf()) === 'in_progress');
    expect((await complete('agent', processing.id, { opinionFrom: ['urbanism'], replyDraft: 'Projet', outcome: 'answered' })).status).toBe(204);
    const opinion = await openTask('head', mailId, 'give_opinion');
    expect((await complete('head', opinion.id, { opinion: 'Favorable' })).status).toBe(204);

    // when the agent is back, asks for nothing more, and the head rejects once, then it comes back to the agent
    const again = await openTask('agent', mailId, 'process_mail');
    expect((await complete('agent', again.id, { opinionFrom: [], replyDraft: 'Projet v2', outcome: 'answered' })).status).toBe(204);
    const firstVisa = await openTask('head', mailId, 'validate');
    expect((await complete('head', firstVisa.id, { approved: false, comment: 'À compléter' })).status).toBe(204);
    const third = await openTask('agent', mailId, 'process_mail');
    expect((await complete('agent', third.id, { opinionFrom: [], replyDraft: 'Projet v3', outcome: 'answered' })).status).toBe(204);
    const visa = await openTask('head', mailId, 'validate');
    expect((await complete('head', visa.id, { approved: true })).status).toBe(204);

    // then the mail is archived, the instance completed, and the receipt PDF is attached
    const mail = await waitFor('the mail to be archived', async () => {
      const res = await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar });
      return res.body.status === 'archived' ? res.body : null;
    });
    const history = await runtimeApi<{ state: string }>('GET', `/history/process-instance/${mail.processInstanceId}`);
    expect(history.state).toBe('COMPLETED');
    const receipt = mail.attachments.find((a) => a.role === 'receipt');
    expect(receipt).toBeDefined();
    const file = await fetch(`${process.env.DIWAN_TEST_ENGINE_URL}/api/attachments/${receipt!.id}`, { headers: { authorization: `Bearer ${tokens.registrar}` } });
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(mail.attachments.filter((a) => a.role === 'receipt')).toHaveLength(1);
  });
});
