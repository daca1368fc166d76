import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto, UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

/** A form-js component by its key. */
function fieldOf(schema: { components: any[] }, key: string): any {
  const all = (list: any[]): any[] => list.flatMap((c) => [c, ...all(c.components ?? [])]);
  return all(schema.components).find((c) => c.key === key);
}

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
    const form = await api('GET', `/api/user-tasks/${triage.id}/form`, { token: tokens.cabinet, headers: { 'accept-language': 'ar' } });
    // then it gets the form-js schema in Arabic, its department picker filled with the departments' Arabic names
    expect(form.status).toBe(200);
    expect(form.body.schema.id).toBe('triage-form');
    const forAction = fieldOf(form.body.schema, 'forAction');
    expect(forAction.values.map((o: { value: string }) => o.value)).toEqual(expect.arrayContaining(['urbanism', 'finance']));
    expect(forAction.values.find((o: { value: string }) => o.value === 'urbanism').label).toMatch(/[\u0600-\u06FF]/);
    expect(forAction.label).toMatch(/[\u0600-\u06FF]/);
    // and the mail's facts as the viewer may see them, never raw codes or ISO dates
    expect(form.body.data.mail).toMatchObject({ chronoNumber: registered.body.chronoNumber, subject: registered.body.subject });
    expect(form.body.data.mail.priorityLabel).not.toBe('urgent');
    expect(form.body.data.mail.dueDateText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // and only the variables the form shows
    expect(Object.keys(form.body.data)).not.toContain('registrar');

    // when it triages without a department, with an undeclared field, or with a wrongly typed one, then it is refused naming the field
    const empty = await complete('cabinet', triage.id, { forAction: [], instruction: 'x' });
    expect([empty.status, empty.body.error.details.fields[0].field]).toEqual([400, 'forAction']);
    const smuggled = await complete('cabinet', triage.id, { forAction: ['urbanism'], agent: 'registrar' });
    expect([smuggled.status, smuggled.body.error.details.fields[0].field]).toEqual([400, 'agent']);
    const mistyped = await complete('cabinet', triage.id, { forAction: 'urbanism' });
    expect([mistyped.status, mistyped.body.error.details.fields[0].field]).toEqual([400, 'forAction']);
    const unknown = await complete('cabinet', triage.id, { forAction: ['atlantis'] });
    expect([unknown.status, unknown.body.error.details.fields[0].field]).toEqual([400, 'forAction']);
    // and nothing reached the runtime
    const runtimeVars = await runtimeApi<Record<string, unknown>>('GET', `/task/${triage.id}/variables`);
    expect(Object.keys(runtimeVars)).not.toEqual(expect.arrayContaining(['agent']));
    expect(Object.keys(runtimeVars)).not.toContain('forAction');
    // when it triages to urbanism (a list), then the head of urbanism gets the assignment
    expect((await complete('cabinet', triage.id, { forAction: ['urbanism'], forInformation: ['finance'], instruction: 'Pour traitement' })).status).toBe(204);
    const assign = await openTask('head', mailId, 'assign_agent');
    expect(assign.candidateGroups).toEqual(['urbanism']);
    expect(assign.mail?.chronoNumber).toBe((registered.body as MailDto).chronoNumber);
    const statusOf = async () => (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.cabinet })).body.status;
    expect(await statusOf()).toBe('triaged');
    const assignForm = await api('GET', `/api/user-tasks/${assign.id}/form`, { token: tokens.head });
    // then its agent picker holds the department's members only, and the triage's result is shown
    const agents = fieldOf(assignForm.body.schema, 'agent').values.map((o: { value: string }) => o.value);
    expect(agents).toEqual(expect.arrayContaining(['agent', 'head'])); // (other files add people to urbanism)
    expect(agents).not.toEqual(expect.arrayContaining(['registrar']));
    expect(agents).not.toEqual(expect.arrayContaining(['cabinet']));
    expect(assignForm.body.earlierResults).toEqual([expect.objectContaining({ by: expect.objectContaining({ username: 'cabinet' }), fields: expect.arrayContaining([expect.objectContaining({ key: 'instruction', value: 'Pour traitement' })]) })]);
    // when the head names someone outside the department, then it is refused
    expect((await complete('head', assign.id, { agent: 'registrar' })).status).toBe(400);
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
    // then the head sees the reply draft and the opinion given, and can't smuggle an assignee in
    const visaForm = await api('GET', `/api/user-tasks/${visa.id}/form`, { token: tokens.head });
    const shown = visaForm.body.earlierResults.flatMap((r: { fields: { key: string; value: string }[] }) => r.fields);
    expect(shown).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'replyDraft', value: 'Projet v3' }), expect.objectContaining({ key: 'opinion', value: 'Favorable' })]));
    expect((await complete('head', visa.id, { approved: true, agent: 'registrar' })).status).toBe(400);
    expect((await complete('head', visa.id, { approved: true })).status).toBe(204);

    // then the mail is archived, the instance completed, and the receipt PDF is attached
    const mail = await waitFor('the mail to be archived', async () => {
      const res = await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar });
      return res.body.status === 'archived' ? res.body : null;
    });
    // (the mail is archived when the circuit reaches its archive milestone; the instance ends just after)
    const history = await waitFor('the instance to complete', async () => {
      const h = await runtimeApi<{ state: string }>('GET', `/history/process-instance/${mail.processInstanceId}`);
      return h.state === 'ACTIVE' ? null : h;
    });
    expect(history.state).toBe('COMPLETED');
    const receipt = mail.attachments.find((a) => a.role === 'receipt');
    expect(receipt).toBeDefined();
    const file = await fetch(`${process.env.DIWAN_TEST_ENGINE_URL}/api/attachments/${receipt!.id}`, { headers: { authorization: `Bearer ${tokens.registrar}` } });
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(mail.attachments.filter((a) => a.role === 'receipt')).toHaveLength(1);
    // and the status followed the circuit's milestones, in order, each naming the step that declared it
    const full = await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar });
    const moves = (full.body.timeline ?? []).filter((e) => e.action === 'mail.statusChanged').map((e) => e.details.to);
    // (the archive worker closes and archives the mail itself, so it may overtake the bridge's
    // `validated` milestone, which then finds the mail further on and leaves it: a status never goes back)
    const order = ['triaged', 'in_progress', 'validated', 'closed', 'archived'];
    expect(moves.map((m) => order.indexOf(m as string))).toEqual([...moves.map((m) => order.indexOf(m as string))].sort((x, y) => x - y));
    expect(moves).toEqual(expect.arrayContaining(['triaged', 'in_progress', 'closed', 'archived']));
  });
});
