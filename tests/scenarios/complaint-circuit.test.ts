import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto, MailTimelineItemDto } from '@diwan/contracts';
import { api, login, runtimeApi, stack, waitFor } from '../harness/stack.js';
import { answerAsCitizen, attachAnswer, complete, expectPlain, openTask, track } from './complaint.fixtures.js';
import { TINY_PDF, TINY_PNG, aMail, registerMail } from './mail.fixtures.js';

/** The complaints circuit (processes/citizen-complaint.bpmn) end to end, with the citizen on the public routes. */
describe('the complaints circuit', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['registrar', 'cabinet', 'head', 'agent', 'supervisor', 'admin']) tokens[user] = (await login(user)).token;
  });

  async function aComplaint(correspondent?: { kind: 'citizen'; name: string; phone: string; email: string }): Promise<MailDto> {
    const res = await registerMail(tokens.registrar!, aMail({ mailType: 'complaint', channel: 'portal', subject: `Éclairage public en panne ${randomUUID().slice(0, 6)}`, ...(correspondent ? { correspondent } : {}) }));
    expect(res.status).toBe(201);
    return res.body as MailDto;
  }

  it('runs admissible → forwarded → information requested → the citizen answers → answered → closed, told in plain words', async () => {
    // given a complaint deposited through the portal by a citizen with a phone and an e-mail address
    const mail = await aComplaint({ kind: 'citizen', name: 'Salma Trabelsi', phone: '+216 22 333 444', email: `salma-${randomUUID().slice(0, 6)}@example.tn` });
    const code = mail.trackingCode!;
    const secrets = [mail.subject, 'NOTE-CABINET-7731', 'NOTE-FORWARD-5120', 'RESPONSE-INTERNAL-9044'];

    // then the citizen sees it received, and nothing else
    const received = await track(code);
    expect(received).toMatchObject({ chronoNumber: mail.chronoNumber, stage: 'received', informationRequest: null, answerAvailable: false });
    expect(received.timeline.map((t) => t.stage)).toEqual(['received']);
    expect(received.department?.fr).toBeTruthy();
    expectPlain(received, secrets);
    // and the answer can't be downloaded yet
    expect((await api('GET', `/api/public/track/${code}/answer`)).status).toBe(409);

    // when the cabinet finds it admissible and forwards it to urbanism
    const review = await openTask(tokens.cabinet!, mail.id, 'admissibility_review');
    await complete(tokens.cabinet!, review.id, { admissibility: 'admissible', admissibilityNote: secrets[1] });
    const forward = await openTask(tokens.cabinet!, mail.id, 'forward_complaint');
    await complete(tokens.cabinet!, forward.id, { concernedDepartment: 'urbanism', forwardNote: secrets[2] });

    // then the department gets it, and the citizen sees it assigned and in progress
    const response = await openTask(tokens.head!, mail.id, 'department_response');
    const inProgress = await waitFor('in progress', async () => {
      const t = await track(code);
      return t.stage === 'in_progress' ? t : null;
    });
    expect(inProgress.timeline.map((t) => t.stage)).toEqual(['received', 'assigned', 'in_progress']);
    expectPlain(inProgress, secrets);

    // when the department asks the citizen for a photo (with markup in the text)
    const request = 'Merci de joindre une photo du lampadaire <script>alert(1)</script>';
    await complete(tokens.head!, response.id, { responseOutcome: 'askCitizen', citizenRequestText: request, departmentResponse: secrets[3] });

    // then the tracking page shows the request, in its words, and the stage
    const asked = await waitFor('information requested', async () => {
      const t = await track(code, 'ar');
      return t.stage === 'information_requested' ? t : null;
    });
    expect(asked.informationRequest).toEqual({ text: request, since: expect.any(String) });
    expect(asked.timeline.map((t) => t.stage)).toEqual(['received', 'assigned', 'in_progress', 'information_requested']);
    expectPlain(asked, secrets);
    // and the citizen is told by SMS and e-mail (the notification outbox), in the mail's language
    await waitFor('request notified', async () => (await notified(mail.id, 'information.requested')).length === 2);

    // when the citizen answers with no text, or a disguised file: refused, nothing correlated
    expect((await answerAsCitizen(code, '   ')).status).toBe(400);
    expect((await answerAsCitizen(code, 'photo', [{ name: 'photo.png', data: Buffer.from('MZ not a png at all'), type: 'image/png' }])).status).toBe(415);

    // when the citizen answers with a photo
    const key = `answer-${randomUUID()}`;
    const answered = await answerAsCitizen(code, 'Voici la photo <b>rue 5</b>', [{ name: 'lampadaire.png', data: TINY_PNG, type: 'image/png' }], key);
    expect(answered.status).toBe(201);
    expect(answered.body).toEqual({ receivedAt: expect.any(String), files: 1 });

    // then the same request again (same key) is a replay, and a second identical answer is refused
    const replay = await answerAsCitizen(code, 'Voici la photo <b>rue 5</b>', [{ name: 'lampadaire.png', data: TINY_PNG, type: 'image/png' }], key);
    expect([replay.status, replay.body]).toEqual([200, answered.body]);
    const again = await answerAsCitizen(code, 'Voici la photo <b>rue 5</b>', [{ name: 'lampadaire.png', data: TINY_PNG, type: 'image/png' }]);
    expect(again.status).toBe(409);

    // and the waiting step continued once: one pass through the catch event, the department's task open again once
    const next = await openTask(tokens.head!, mail.id, 'department_response');
    expect(next.id).not.toBe(response.id);
    const passes = await runtimeApi<{ endTime: string | null }[]>('GET', `/history/activity-instance?processInstanceId=${mail.processInstanceId ?? (await mailOf(mail.id)).processInstanceId}&activityId=await_citizen_information`);
    expect(passes.map((p) => p.endTime !== null)).toEqual([true]);
    const open = await api<{ taskDefinitionKey: string; status: string }[]>('GET', `/api/user-tasks?businessKey=${mail.id}`, { token: tokens.head });
    expect(open.body.filter((t) => t.taskDefinitionKey === 'department_response' && t.status === 'open')).toHaveLength(1);
    // and the department's form shows the citizen's answer (as a value, not markup)
    const form = await api('GET', `/api/user-tasks/${next.id}/form`, { token: tokens.head });
    expect(form.body.data.citizenAnswer).toBe('Voici la photo <b>rue 5</b>');
    // and the photo is on the mail, as the citizen's
    const withPhoto = await mailOf(mail.id);
    expect(withPhoto.attachments.filter((a) => a.role === 'citizen').map((a) => [a.filename, a.size])).toEqual([['lampadaire.png', TINY_PNG.length]]);
    // and the tracking page says the information was given, and asks nothing more
    const given = await track(code);
    expect(given).toMatchObject({ stage: 'in_progress', informationRequest: null });
    expect(given.timeline.map((t) => t.stage)).toEqual(['received', 'assigned', 'in_progress', 'information_requested', 'information_given']);
    // and asking nothing, an answer is refused
    expect((await answerAsCitizen(code, 'encore')).status).toBe(409);

    // when the department responds and the cabinet answers the citizen with a letter
    await complete(tokens.head!, next.id, { responseOutcome: 'respond', departmentResponse: secrets[3] });
    const answer = await openTask(tokens.cabinet!, mail.id, 'answer_citizen');
    // (an agent who holds no task on it may not attach the answer)
    expect((await attachAnswer(tokens.agent!, mail.id, { name: 'reponse.pdf', data: TINY_PDF, type: 'application/pdf' })).status).toBe(403);
    expect((await attachAnswer(tokens.cabinet!, mail.id, { name: 'reponse.pdf', data: TINY_PDF, type: 'application/pdf' })).status).toBe(201);
    await complete(tokens.cabinet!, answer.id, { answerSummary: 'Lampadaire réparé' });

    // then the citizen sees it closed, and downloads the answer
    const closed = await waitFor('closed', async () => {
      const t = await track(code, 'en');
      return t.stage === 'closed' ? t : null;
    }, 30_000);
    expect(closed.timeline.map((t) => t.stage)).toEqual(['received', 'assigned', 'in_progress', 'information_requested', 'information_given', 'answered', 'closed']);
    expect(closed.answerAvailable).toBe(true);
    expectPlain(closed, secrets);
    const file = await fetch(`${stack.engineUrl}/api/public/track/${code.toLowerCase()}/answer`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''reponse.pdf`);
    expect(Buffer.from(await file.arrayBuffer()).equals(TINY_PDF)).toBe(true);

    // and the citizen is told the answer is available, by SMS and e-mail, once each
    await waitFor('answer notified', async () => (await notified(mail.id, 'answer.available')).length === 2);
    expect((await notified(mail.id, 'information.requested')).map((n) => n.channel).sort()).toEqual(['email', 'sms']);

    // and the staff's timeline records the citizen's answer
    const timeline = await api<MailTimelineItemDto[]>('GET', `/api/mails/${mail.id}/timeline`, { token: tokens.registrar });
    expect(timeline.body.map((e) => e.action)).toContain('citizen.answered');
  }, 180_000);

  it('closes an inadmissible complaint with an answer, without forwarding it', async () => {
    const mail = await aComplaint();
    const review = await openTask(tokens.cabinet!, mail.id, 'admissibility_review');
    await complete(tokens.cabinet!, review.id, { admissibility: 'inadmissible', admissibilityNote: 'hors compétence' });
    const answer = await openTask(tokens.cabinet!, mail.id, 'answer_citizen');
    // (no answer document: the file closes, and there is nothing to download)
    await complete(tokens.cabinet!, answer.id, { answerSummary: 'Irrecevable' });
    const closed = await waitFor('closed', async () => {
      const t = await track(mail.trackingCode!);
      return t.stage === 'closed' ? t : null;
    });
    expect(closed.timeline.map((t) => t.stage)).toEqual(['received', 'answered', 'closed']);
    expect(closed.answerAvailable).toBe(false);
    expect((await api('GET', `/api/public/track/${mail.trackingCode}/answer`)).status).toBe(404);
    const forwarded = await runtimeApi<unknown[]>('GET', `/history/activity-instance?processInstanceId=${(await mailOf(mail.id)).processInstanceId}&activityId=forward_complaint`);
    expect(forwarded).toEqual([]);
  }, 120_000);

  it('reminds and escalates to supervision when forwarding or the response is late (timers moved by executing their jobs)', async () => {
    const mail = await aComplaint();
    const review = await openTask(tokens.cabinet!, mail.id, 'admissibility_review');
    await complete(tokens.cabinet!, review.id, { admissibility: 'admissible' });
    const forward = await openTask(tokens.cabinet!, mail.id, 'forward_complaint');
    const instance = (await mailOf(mail.id)).processInstanceId!;

    // given the forwarding's two timers (10 days: reminder, 15 days: escalation), when both fire now
    const forwardTimers = await timersOf(instance, ['forward_reminder_due', 'forward_deadline_passed']);
    for (const job of forwardTimers) await runtimeApi('POST', `/job/${job.id}/execute`);
    // then the reminder and the escalation are recorded, supervision gets a task, and the forwarding stays open
    await waitFor('forward reminded and escalated', async () => hasActions(mail.id, ['deadline.reminded', 'deadline.escalated']));
    await openTask(tokens.supervisor!, mail.id, 'forward_handle_overdue');
    expect((await openTask(tokens.cabinet!, mail.id, 'forward_complaint')).id).toBe(forward.id);

    // given the forwarded complaint's 60-day wait, when its reminder cycle and its deadline fire now
    await complete(tokens.cabinet!, forward.id, { concernedDepartment: 'urbanism' });
    await openTask(tokens.head!, mail.id, 'department_response');
    const responseTimers = await timersOf(instance, ['response_reminder_due', 'response_deadline_passed']);
    for (const job of responseTimers) await runtimeApi('POST', `/job/${job.id}/execute`);
    // then supervision gets the response's overdue task, and the reminder cycle is armed again (R2: a second reminder)
    await openTask(tokens.supervisor!, mail.id, 'response_handle_overdue');
    const reminders = await waitFor('two reminders recorded', async () => {
      const n = await countAction(mail.id, 'deadline.reminded');
      return n >= 2 ? n : null;
    });
    expect(reminders).toBe(2);
    const again = await timersOf(instance, ['response_reminder_due']);
    expect(again).toHaveLength(1);
  }, 180_000);

  async function notified(mailId: string, template: string): Promise<{ channel: string; template: string }[]> {
    const res = await api<{ items: { channel: string; template: string }[] }>('GET', `/api/notifications?mailId=${mailId}`, { token: tokens.admin });
    return res.body.items.filter((n) => n.template === template);
  }
  async function mailOf(id: string): Promise<MailDto> {
    return (await api<MailDto>('GET', `/api/mails/${id}`, { token: tokens.registrar })).body;
  }
  async function timersOf(processInstanceId: string, activityIds: string[]): Promise<{ id: string }[]> {
    return waitFor(`timers ${activityIds.join(', ')}`, async () => {
      const jobs = await runtimeApi<{ id: string; activityId?: string; jobDefinitionId: string }[]>('GET', `/job?processInstanceId=${processInstanceId}&timers=true`);
      const definitions = await runtimeApi<{ id: string; activityId: string }[]>('GET', `/job-definition?processDefinitionId=${(await runtimeApi<{ definitionId: string }>('GET', `/process-instance/${processInstanceId}`)).definitionId}`);
      const byDefinition = new Map(definitions.map((d) => [d.id, d.activityId]));
      const found = jobs.filter((j) => activityIds.includes(byDefinition.get(j.jobDefinitionId) ?? ''));
      return found.length === activityIds.length ? found : null;
    });
  }
  async function countAction(mailId: string, action: string): Promise<number> {
    const timeline = await api<MailTimelineItemDto[]>('GET', `/api/mails/${mailId}/timeline`, { token: tokens.admin });
    return timeline.body.filter((e) => e.action === action).length;
  }
  async function hasActions(mailId: string, actions: string[]): Promise<boolean> {
    for (const action of actions) if ((await countAction(mailId, action)) === 0) return false;
    return true;
  }
});
