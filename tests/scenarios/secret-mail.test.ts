import { beforeAll, describe, expect, it } from '@jest/globals';
import type { UserTaskDto } from '@diwan/contracts';
import { api, login, runtimeApi, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

/** A secret mail's content reaches nobody it doesn't name: not through inboxes, task forms or the circuit. */
describe('a secret mail', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet', 'supervisor', 'head']) tokens[user] = (await login(user)).token;
  });

  it('keeps its subject and correspondent out of the triage task, its form, and the runtime', async () => {
    // given a secret mail naming only the head
    const subject = `Dossier disciplinaire ${Date.now()}`;
    const correspondent = 'Témoin Protégé';
    const registered = await registerMail(tokens.registrar!, aMail({ subject, confidentiality: 'secret', namedUsers: ['head'], correspondent: { kind: 'citizen', name: correspondent } }));
    expect(registered.status).toBe(201);
    const mailId: string = registered.body.id;

    // when its triage task reaches the cabinet
    const task = await waitFor('the triage task', async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens.cabinet })).body[0], 45_000);

    // then the cabinet, the supervisor and the admin read neither subject nor correspondent, anywhere
    for (const user of ['cabinet', 'supervisor', 'admin']) {
      const seen = JSON.stringify([
        (await api('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body,
        (await api('GET', `/api/user-tasks/${task.id}`, { token: tokens[user] })).body,
        (await api('GET', `/api/user-tasks/${task.id}/form`, { token: tokens[user] })).body,
      ]);
      expect([user, seen.includes(subject), seen.includes(correspondent)]).toEqual([user, false, false]);
    }
    // and the form still gives them what they need to work: the chrono number
    const form = await api('GET', `/api/user-tasks/${task.id}/form`, { token: tokens.cabinet });
    expect(form.body.data.mail).toMatchObject({ chronoNumber: registered.body.chronoNumber, subject: '' });
    // and the circuit carries no content of the mail at all
    const variables = await runtimeApi<{ name: string; value: unknown }[]>('GET', `/history/variable-instance?processInstanceId=${task.processInstanceId}`);
    expect(JSON.stringify(variables)).not.toContain(subject);
    expect(JSON.stringify(variables)).not.toContain(correspondent);
    // while the head, whom the mail names, may read it
    expect((await api('GET', `/api/mails/${mailId}`, { token: tokens.head })).body.subject).toBe(subject);
  }, 90_000);
});
