import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailProgressDto, MailTimelineItemDto, UserTaskDto } from '@diwan/contracts';
import { api, login, waitFor } from '../harness/stack.js';
import { mailWithCircuit } from './mail.fixtures.js';

/**
 * A mail's timeline and progress as people read them: texts in the caller's language, people by
 * display name, no JSON, no ids, no ISO dates; the mail's rights apply.
 */
describe('mail timeline and progress in plain language', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['registrar', 'cabinet', 'head', 'agent']) tokens[user] = (await login(user)).token;
  });

  const timeline = (user: string, mailId: string, language: string) =>
    api<MailTimelineItemDto[]>('GET', `/api/mails/${mailId}/timeline`, { token: tokens[user], headers: { 'accept-language': language } });
  const taskOf = (user: string, mailId: string, key: string) =>
    waitFor(`${key} of ${mailId}`, async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body.find((t) => t.taskDefinitionKey === key));

  it('tells registration, triage and delegation with names and localised texts, and nothing technical', async () => {
    // given a mail triaged by the cabinet to urban planning, whose assignment the head delegated to the agent
    const { mailId, chronoNumber } = await mailWithCircuit(tokens.registrar!);
    const triage = await taskOf('cabinet', mailId, 'triage');
    const completed = await api('POST', `/api/user-tasks/${triage.id}/complete`, { token: tokens.cabinet, body: { variables: { forAction: ['urbanism'] } } });
    expect(completed.status).toBe(204);
    const assign = await taskOf('head', mailId, 'assign_agent');
    expect((await api('POST', `/api/user-tasks/${assign.id}/delegate`, { token: tokens.head, body: { to: 'agent' } })).status).toBe(200);

    // when the registrar reads its timeline in Arabic
    const res = await waitFor('the delegation in the timeline', async () => {
      const r = await timeline('registrar', mailId, 'ar');
      return r.body.some((e) => e.action === 'userTask.delegated') ? r : undefined;
    });

    // then registration names the registrar by display name, with the chrono number
    expect(res.status).toBe(200);
    const registered = res.body.find((e) => e.action === 'mail.registered');
    expect(registered?.actor).toEqual({ username: 'registrar', displayName: 'Amina Ben Salah · أمينة بن صالح' });
    expect(registered?.chronoNumber).toBe(chronoNumber);
    // and the triage names its step and its fields in Arabic, departments by their Arabic names
    const triaged = res.body.find((e) => e.action === 'userTask.completed');
    expect(triaged?.actor?.displayName).toBe('Karim Trabelsi · كريم الطرابلسي');
    expect(triaged?.stepName).toMatch(/[\u0600-\u06FF]/);
    expect(triaged?.fields).toEqual(expect.arrayContaining([{ label: 'المصالح للإنجاز', value: 'مصلحة التعمير' }]));
    // and the delegation names the person it went to
    const delegated = res.body.find((e) => e.action === 'userTask.delegated');
    expect(delegated?.assignee).toEqual({ username: 'agent', displayName: 'Youssef Gharbi · يوسف الغربي' });
    // and nothing technical is in the texts: no JSON, no ids, no ISO date but the entry's own time
    for (const entry of res.body) {
      const { at, action, actor, assignee, ...texts } = entry;
      expect(Number.isNaN(Date.parse(at))).toBe(false);
      const shown = JSON.stringify(texts);
      expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(shown).not.toMatch(/[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(shown).not.toMatch(/taskDefinitionKey|processInstanceId|userTaskId|sha256|#multiInstanceBody/);
      for (const field of entry.fields ?? []) expect(field.value).not.toMatch(/^[[{]/);
      expect(action).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
      // people by their names; Diwan's own acts (workers, timers) have no person
      for (const p of [actor, assignee]) if (p) expect(p.displayName).not.toBe(p.username);
    }

    // when read in French, then the same step reads in French
    const fr = await timeline('registrar', mailId, 'fr');
    expect(fr.body.find((e) => e.action === 'userTask.completed')?.fields).toEqual(expect.arrayContaining([{ label: 'Services pour traitement', value: "Service de l'urbanisme" }]));
  });

  it('names the current step and hides runtime ids in the progress', async () => {
    // given a mail waiting at the triage
    const { mailId } = await mailWithCircuit(tokens.registrar!);
    await taskOf('cabinet', mailId, 'triage');
    // when its progress is read in Arabic
    const progress = await api<MailProgressDto>('GET', `/api/mails/${mailId}/progress`, { token: tokens.registrar, headers: { 'accept-language': 'ar' } });
    // then the current step has an Arabic name and no id is a runtime-internal one
    expect(progress.status).toBe(200);
    expect(progress.body.activeSteps.length).toBeGreaterThan(0);
    for (const step of progress.body.activeSteps) expect(step.name).toMatch(/[\u0600-\u06FF]/);
    expect([...progress.body.activeActivityIds, ...progress.body.completedActivityIds].join(' ')).not.toContain('#');
  });

  it('refuses the timeline of a mail the caller may not see', async () => {
    // given a secret mail naming nobody but its registrar
    const { mailId } = await mailWithCircuit(tokens.registrar!, { confidentiality: 'secret', namedUsers: [] });
    // when the agent asks for its timeline, then 404, as for the mail itself
    expect((await timeline('agent', mailId, 'ar')).status).toBe(404);
    // and its registrar may read it
    expect((await timeline('registrar', mailId, 'ar')).status).toBe(200);
  });
});
