import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AbsenceDto, MailTimelineItemDto, UserTaskDto } from '@diwan/contracts';
import { api, connectSocket, login, nextEvent, runtimeApi, uniqueKey, waitFor, type LiveSocket } from '../harness/stack.js';
import { loginableUsers, sentenceOf } from './absences.fixtures.js';
import { aMail, registerMail } from './mail.fixtures.js';
import { auditEntries, deployCircuit, uniqueName, userTaskCircuit } from './operations.fixtures.js';

/**
 * Absence and delegation: while an agent is away, their tasks go to their substitute (those they
 * had and those that come), what the substitute completes says "by delegation of", and at the end
 * the tasks still open go back.
 */
describe('absence and delegation', () => {
  const tokens: Record<string, string> = {};
  // people of their own (urbanism, like the demo head; finance for the refusals)
  const absent = uniqueName('absent');
  const substitute = uniqueName('subst');
  const outsider = uniqueName('finance');
  const names: Record<string, string> = { [absent]: 'Salma Absente · سلمى', [substitute]: 'Bilel Suppléant · بلال', [outsider]: 'Omar Finances · عمر' };
  let circuitKey: string;
  let socket: LiveSocket | null = null;

  beforeAll(async () => {
    await loginableUsers([
      { username: absent, displayName: names[absent]!, departments: ['urbanism'] },
      { username: substitute, displayName: names[substitute]!, departments: ['urbanism'] },
      { username: outsider, displayName: names[outsider]!, departments: ['finance'] },
    ]);
    for (const user of ['admin', 'registrar', 'head', 'agent', 'supervisor', 'president', absent, substitute, outsider]) tokens[user] = (await login(user)).token;
    circuitKey = uniqueKey('absence_study').replace(/-/g, '_');
    await deployCircuit(tokens.admin!, circuitKey, userTaskCircuit(circuitKey, [{ id: 'study', names: ['دراسة الملف', 'Étude du dossier', 'Case study'], group: 'urbanism', assignee: absent }]));
  }, 60_000);
  afterAll(() => void socket?.disconnect());

  /** A mail whose circuit gives the absent person a task, once the inbox has it. */
  async function taskForAbsent(): Promise<{ mailId: string; processInstanceId: string; taskId: string }> {
    const mail = await registerMail(tokens.registrar!, aMail());
    const instance = await runtimeApi<{ id: string }>('POST', `/process-definition/key/${circuitKey}/start`, { businessKey: mail.body.id });
    const task = await waitFor('the task in the read model', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?processInstanceId=${instance.id}`, { token: tokens.supervisor })).body[0]);
    return { mailId: mail.body.id, processInstanceId: instance.id, taskId: task.id };
  }
  const runtimeAssignee = async (taskId: string) => (await runtimeApi<{ assignee: string | null }>('GET', `/task/${taskId}`)).assignee;
  const inboxOf = async (user: string) => (await api<UserTaskDto[]>('GET', '/api/user-tasks?assignee=me', { token: tokens[user] })).body.map((t) => t.id);
  const declare = (by: string, body: Record<string, unknown>, language = 'en') => api<AbsenceDto>('POST', '/api/absences', { token: tokens[by], headers: { 'accept-language': language }, body });
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

  it('hands the absent agent’s tasks to the substitute, marks what they complete as by delegation, and gives the rest back', async () => {
    // given an urbanism agent with an assigned task, and the substitute watching their inbox live
    const first = await taskForAbsent();
    expect(await runtimeAssignee(first.taskId)).toBe(absent);
    socket = await connectSocket(tokens[substitute]!);
    await socket.snapshot;
    const arrives = nextEvent<UserTaskDto>(socket, 'userTask.assigned', (t) => t.id === first.taskId && t.assignee === substitute, 30_000);

    // when the head declares the agent absent from now for an hour, with a colleague of urbanism as substitute
    const declared = await declare('head', { username: absent, substitute, from: new Date().toISOString(), to: inAnHour(), reason: 'sick leave' });

    // then it is under way, and the task moves to the substitute in the runtime, live and in their inbox
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ person: { username: absent, displayName: names[absent] }, substitute: { username: substitute }, declaredBy: { username: 'head' }, status: 'current', canEnd: true });
    await waitFor('the runtime to give the task to the substitute', async () => (await runtimeAssignee(first.taskId)) === substitute);
    expect((await arrives).assignee).toBe(substitute);
    await waitFor('the substitute’s inbox', async () => (await inboxOf(substitute)).includes(first.taskId));
    expect(await inboxOf(absent)).not.toContain(first.taskId);
    expect(await auditEntries('userTask.reassigned', first.processInstanceId)).toEqual([
      expect.objectContaining({ actor: 'system', mailId: first.mailId, details: expect.objectContaining({ userTaskId: first.taskId, from: absent, to: substitute, reason: 'absence.started' }) }),
    ]);

    // when a new task is assigned to the agent during the absence, then it lands with the substitute at once
    const second = await taskForAbsent();
    await waitFor('the new task to reach the substitute', async () => (await runtimeAssignee(second.taskId)) === substitute, 15_000);
    await waitFor('the substitute’s inbox', async () => (await inboxOf(substitute)).includes(second.taskId));

    // when the substitute completes it
    expect((await api('POST', `/api/user-tasks/${second.taskId}/complete`, { token: tokens[substitute], body: { variables: {} } })).status).toBe(204);

    // then the audit log says on whose behalf
    expect(await auditEntries('userTask.completed', second.processInstanceId)).toEqual([
      expect.objectContaining({ actor: substitute, details: expect.objectContaining({ onBehalfOf: { username: absent, displayName: names[absent] } }) }),
    ]);
    // and the mail's timeline tells it in each language
    for (const [language, words] of [['en', 'by delegation of'], ['fr', 'P.O.'], ['ar', 'بالنيابة عن']] as const) {
      const timeline = await api<MailTimelineItemDto[]>('GET', `/api/mails/${second.mailId}/timeline`, { token: tokens.registrar, headers: { 'accept-language': language } });
      const completed = timeline.body.find((e) => e.action === 'userTask.completed');
      expect(completed?.onBehalfOf).toEqual({ username: absent, displayName: names[absent] });
      expect(sentenceOf(completed!, language)).toBe(
        { en: `${names[substitute]} completed Case study ${words} ${names[absent]}.`, fr: `${names[substitute]} a terminé Étude du dossier ${words} ${names[absent]}.`, ar: `${names[substitute]} أنجز دراسة الملف ${words} ${names[absent]}.` }[language],
      );
    }

    // when the head ends the absence early
    const ended = await api<AbsenceDto>('POST', `/api/absences/${declared.body.id}/end`, { token: tokens.head, headers: { 'accept-language': 'en' } });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedBy: { username: 'head' }, canEnd: false });

    // then the task still open goes back to the agent, in the runtime and in their inbox
    await waitFor('the runtime to give the task back', async () => (await runtimeAssignee(first.taskId)) === absent);
    await waitFor('the agent’s inbox', async () => (await inboxOf(absent)).includes(first.taskId));
    expect(await inboxOf(substitute)).not.toContain(first.taskId);
    const after = await waitFor('the hand-back to be recorded', async () => (await api<AbsenceDto[]>('GET', `/api/absences?username=${absent}`, { token: tokens.head })).body.find((a) => a.id === declared.body.id && a.tasksReturned === 1));
    expect(after.tasksMoved).toBe(2);
    // and the declaration and the end are audited
    const { engineDb } = await import('./mail.fixtures.js');
    const { db, close } = await engineDb();
    try {
      const entries = await db.collection('auditLog').find({ 'details.absenceId': declared.body.id, action: { $in: ['absence.declared', 'absence.ended'] } }).toArray();
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['absence.declared', 'head'],
        ['absence.ended', 'head'],
      ]);
    } finally {
      await close();
    }
    // and a second end is refused: it is over
    expect((await api('DELETE', `/api/absences/${declared.body.id}`, { token: tokens.head })).status).toBe(409);
  }, 180_000);

  it('refuses a substitute of another department, overlaps and people outside one’s department, in the caller’s language', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const period = { from: `${tomorrow}T08:00`, to: `${tomorrow}T17:00` };

    // a substitute who shares no department: 400 naming the field, in French and in Arabic
    const fr = await declare(absent, { substitute: outsider, ...period }, 'fr');
    expect([fr.status, (fr.body as any).error.details.fields[0].field]).toEqual([400, 'substitute']);
    expect((fr.body as any).error.message).toContain(`${names[outsider]} n'appartient à aucun service de ${names[absent]}`);
    const ar = await declare(absent, { substitute: outsider, ...period }, 'ar');
    expect((ar.body as any).error.message).toContain('لا ينتمي إلى أي مصلحة');

    // an absence of one's own tomorrow, in wall-clock time
    const own = await declare(absent, { substitute, ...period });
    expect(own.status).toBe(201);
    expect(own.body.status).toBe('upcoming');
    // an overlapping one: 409
    const overlap = await declare('head', { username: absent, substitute, from: `${tomorrow}T16:00`, to: `${tomorrow}T18:00` }, 'en');
    expect(overlap.status).toBe(409);
    expect((overlap.body as any).error.message).toBe(`${names[absent]} already has an absence in this period`);
    // the substitute may not be away at the same time while replacing them
    expect((await declare(substitute, { substitute: absent, from: `${tomorrow}T12:00`, to: `${tomorrow}T13:00` })).status).toBe(409);

    // an agent may not declare for a colleague; a head not for someone of another department
    expect((await declare('agent', { username: absent, substitute, from: `${tomorrow}T20:00`, to: `${tomorrow}T21:00` })).status).toBe(403);
    expect((await declare('head', { username: outsider, substitute, from: `${tomorrow}T20:00`, to: `${tomorrow}T21:00` })).status).toBe(403);
    // bad periods name their field
    const backwards = await declare(absent, { substitute, from: `${tomorrow}T17:00`, to: `${tomorrow}T08:00` });
    expect([backwards.status, (backwards.body as any).error.details.fields[0].field]).toEqual([400, 'to']);
    const garbage = await declare(absent, { substitute, from: 'tomorrow', to: `${tomorrow}T08:00` });
    expect([garbage.status, (garbage.body as any).error.details.fields[0].field]).toEqual([400, 'from']);
    expect((await declare(absent, { substitute, from: '2026-02-30T08:00', to: '2026-03-01T08:00' })).status).toBe(400);
    // hostile input: operators instead of names, unknown fields
    expect((await declare(absent, { substitute: { $ne: null }, ...period })).status).toBe(400);
    const unknown = await declare(absent, { substitute, ...period, assignee: 'admin' }, 'fr');
    expect([unknown.status, (unknown.body as any).error.message]).toEqual([400, 'Demande invalide : Champ inconnu : assignee']);
    expect((await api('GET', '/api/absences?status=whenever', { token: tokens.head })).status).toBe(400);

    // who sees it: the person, the substitute, the head, the supervisor; not another agent
    const seenBy = async (user: string) => (await api<AbsenceDto[]>('GET', '/api/absences', { token: tokens[user] })).body.some((a) => a.id === own.body.id);
    expect(await Promise.all([absent, substitute, 'head', 'supervisor', 'admin', 'agent', outsider, 'president'].map(seenBy))).toEqual([true, true, true, true, true, false, false, false]);
    // the substitutes offered are the person's colleagues
    const offered = (await api<{ username: string }[]>('GET', '/api/absences/substitutes', { token: tokens[absent] })).body.map((u) => u.username);
    expect(offered).toEqual(expect.arrayContaining([substitute, 'agent', 'head']));
    expect(offered).not.toContain(outsider);
    expect(offered).not.toContain(absent);

    // another agent may not cancel it (they don't even see it); the person may: it never started
    expect((await api('DELETE', `/api/absences/${own.body.id}`, { token: tokens.agent })).status).toBe(404);
    expect((await api('DELETE', `/api/absences/${own.body.id}`, { token: tokens[absent] })).status).toBe(204);
    const cancelled = (await api<AbsenceDto[]>('GET', `/api/absences?username=me`, { token: tokens[absent] })).body.find((a) => a.id === own.body.id);
    expect(cancelled?.status).toBe('cancelled');
    // and the period is free again
    const again = await declare(absent, { substitute, ...period });
    expect(again.status).toBe(201);
    expect((await api('DELETE', `/api/absences/${again.body.id}`, { token: tokens.head })).status).toBe(204);
  }, 60_000);
});
