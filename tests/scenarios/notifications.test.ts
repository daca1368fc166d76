import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ExternalTask } from 'camunda-external-task-client-js';
import type { MailDto, MyNotificationDto, MyNotificationsDto, NotificationDto } from '@diwan/contracts';
import { httpSmsTransport } from '../../engine/dist/notifications/notification.sms-http.js';
import { PermanentSendError } from '../../engine/dist/notifications/notification.transport.js';
import { EngineApi } from '../../workers/src/engine.api.js';
import { notifySmsHandler } from '../../workers/src/handlers/notify-sms.handler.js';
import { notifyEmailHandler } from '../../workers/src/handlers/notify-email.handler.js';
import { deadlineEscalateHandler } from '../../workers/src/handlers/deadline-escalate.handler.js';
import { api, connectSocket, login, nextEvent, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, mailWithCircuit, registerMail } from './mail.fixtures.js';
import { deployCircuit, userTaskCircuit } from './operations.fixtures.js';
import { aPhone, emailsTo, notificationReaches, plain, requestNotification, smsTo } from './notifications.fixtures.js';

/** The same external task as the runtime hands it out; `id` changes when the runtime makes the task again. */
function externalTask(id: string, variables: Record<string, unknown>): ExternalTask {
  return { id, processInstanceId: `pi-${variables.mailId}`, activityId: 'notify_citizen', businessKey: null, retries: null, variables: { get: (k: string) => variables[k] } } as unknown as ExternalTask;
}

describe('notifications: one outbox for SMS, e-mail and in-app', () => {
  let admin: string;
  let registrar: string;
  beforeAll(async () => {
    admin = (await login('admin')).token;
    registrar = (await login('registrar')).token;
  });

  it('sends an e-mail in the recipient language through the real SMTP server, values escaped', async () => {
    // given a French request whose values carry markup
    const email = `citoyen-${randomUUID().slice(0, 8)}@exemple.tn`;
    const res = await requestNotification({
      channel: 'email',
      to: { email },
      template: 'deposit.registered',
      language: 'fr',
      data: { chronoNumber: '2026/A/000042', trackingCode: '<script>alert(1)</script>', trackingUrl: 'http://localhost/track/X' },
      dedupeKey: uniqueKey('email'),
    });
    expect(res.status).toBe(200);
    // when the loop has sent it
    const sent = await notificationReaches(admin, res.body.id, ['sent']);
    // then one e-mail reached the SMTP server, in French, with the text, the markup inert in HTML
    const [mail, ...more] = await waitFor('the e-mail', async () => ((await emailsTo(email)).length ? emailsTo(email) : null));
    expect(more).toHaveLength(0);
    expect(plain(mail!.subject)).toBe('Votre courrier 2026/A/000042 est enregistré');
    expect(mail!.text).toContain('Code de suivi : \u2068<script>alert(1)</script>\u2069');
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain('dir="ltr"');
    expect(mail!.headers.get('content-language')).toBe('fr');
    expect(sent.providerMessageId).toBe(mail!.messageId);
  });

  it('sends an Arabic SMS through the real SMPP server, and its delivery receipt makes it delivered', async () => {
    const phone = aPhone();
    const res = await requestNotification({ channel: 'sms', to: { phone }, template: 'deposit.confirmationCode', language: 'ar', data: { code: '482913' }, dedupeKey: uniqueKey('sms') });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('pending');
    const delivered = await notificationReaches(admin, res.body.id, ['delivered']);
    const kept = smsTo(phone);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.text).toBe('رمز تأكيد إيداعك: \u200e482913\u200e. لا تشاركه مع أحد.');
    expect(kept[0]!.dataCoding).toBe(8); // UCS-2: Arabic
    // and once sent, the code is masked in what Diwan keeps (the admins' list never shows it)
    expect(delivered).toMatchObject({ providerMessageId: kept[0]!.messageId, attempts: 1, text: kept[0]!.text.replace('482913', '••••••') });
    expect(JSON.stringify(delivered)).not.toContain('482913');
    expect(delivered.deliveredAt).not.toBeNull();
  });

  it('sends the same dedupe key once, however often it is asked, even with other values', async () => {
    const phone = aPhone();
    const dedupeKey = uniqueKey('twice');
    const first = await requestNotification({ channel: 'sms', to: { phone }, template: 'deposit.confirmationCode', language: 'fr', data: { code: '111111' }, dedupeKey });
    const again = await Promise.all([1, 2, 3].map(() => requestNotification({ channel: 'sms', to: { phone }, template: 'deposit.confirmationCode', language: 'fr', data: { code: '222222' }, dedupeKey })));
    for (const res of again) expect(res.body.id).toBe(first.body.id);
    await notificationReaches(admin, dedupeKey, ['delivered']);
    await new Promise((r) => setTimeout(r, 2_500)); // a second sending would have happened by now
    const kept = smsTo(phone);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.text).toContain('111111');
  });

  it('refuses a request without the address its channel needs, or with a bad one', async () => {
    expect((await requestNotification({ channel: 'sms', to: { email: 'a@b.tn' }, template: 'deposit.confirmationCode', data: { code: '1' }, dedupeKey: uniqueKey('bad') })).status).toBe(400);
    expect((await requestNotification({ channel: 'sms', to: { phone: 'call me' }, template: 'deposit.confirmationCode', data: {}, dedupeKey: uniqueKey('bad') })).status).toBe(400);
    expect((await requestNotification({ channel: 'email', to: { email: 'x@y.tn' }, template: 'nope' as never, data: {}, dedupeKey: uniqueKey('bad') })).status).toBe(400);
    // and only the workers may call the internal route
    expect((await api('POST', '/api/internal/notifications', { token: admin, body: {} })).status).toBe(401);
  });

  describe('worker topics notify.sms and notify.email', () => {
    let mail: MailDto;
    beforeAll(async () => {
      const res = await registerMail(
        registrar,
        aMail({ language: 'ar', correspondent: { kind: 'citizen', name: 'سامي الجبالي', phone: aPhone(), email: `sami-${randomUUID().slice(0, 8)}@exemple.tn` } }),
      );
      expect(res.status).toBe(201);
      mail = res.body as MailDto;
    });

    it('sends one SMS to the correspondent in their language when the worker runs the same step twice, even as a new task', async () => {
      const handler = notifySmsHandler({ engine: new EngineApi(stack.engineUrl, stack.workerToken), publicUrl: 'http://diwan.example' });
      const variables = { mailId: mail.id, notificationTemplate: 'deposit.registered' };
      const first = await handler(externalTask('task-1', variables));
      const second = await handler(externalTask('task-1', variables)); // a redelivery
      const third = await handler(externalTask('task-2', variables)); // the runtime made the task again
      expect(second).toEqual(first);
      expect(third).toEqual(first);
      const id = (first as { notificationId: string }).notificationId;
      await notificationReaches(admin, id, ['delivered']);
      await new Promise((r) => setTimeout(r, 2_500));
      const kept = smsTo(mail.correspondent!.phone!);
      expect(kept).toHaveLength(1);
      expect(kept[0]!.text).toContain(`تم تسجيل مراسلتك تحت عدد \u200e${mail.chronoNumber}\u200e`);
      expect(kept[0]!.text).toContain(`http://diwan.example/track/${mail.trackingCode}`);
    });

    it('sends one e-mail in Arabic, right to left, for the step', async () => {
      const handler = notifyEmailHandler({ engine: new EngineApi(stack.engineUrl, stack.workerToken), publicUrl: 'http://diwan.example' });
      const variables = { mailId: mail.id, notificationTemplate: 'answer.available' };
      await handler(externalTask('task-3', variables));
      const out = await handler(externalTask('task-4', variables));
      await notificationReaches(admin, (out as { notificationId: string }).notificationId, ['sent']);
      const emails = await emailsTo(mail.correspondent!.email!);
      expect(emails).toHaveLength(1);
      expect(plain(emails[0]!.subject)).toBe(`الرد على مراسلتك ${mail.chronoNumber} متاح`);
      expect(emails[0]!.subject).toContain(`\u2068${mail.chronoNumber}\u2069`);
      expect(emails[0]!.html).toContain('dir="rtl"');
    });

    it('sends nothing when the correspondent has no phone, and stops on a template that does not exist', async () => {
      const res = await registerMail(registrar, aMail());
      const handler = notifySmsHandler({ engine: new EngineApi(stack.engineUrl, stack.workerToken), publicUrl: 'http://x' });
      expect(await handler(externalTask('t', { mailId: res.body.id, notificationTemplate: 'deposit.registered' }))).toEqual({ notified: false });
      await expect(handler(externalTask('t', { mailId: res.body.id, notificationTemplate: 'rm -rf' }))).rejects.toThrow(/notificationTemplate/);
    });
  });

  describe('the HTTP gateway adapter, against a real HTTP server', () => {
    const received: { auth: string | undefined; body: Record<string, unknown> }[] = [];
    let answer = { status: 200, body: '{"id":"gw-1"}' };
    const server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(raw) as Record<string, unknown> });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
    let url = '';
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const notification = { _id: 'n-1', channel: 'sms', to: { phone: '+21650000001' }, text: 'رمز: 1' } as never;

    it('posts JSON with the token and keeps the gateway id', async () => {
      const out = await httpSmsTransport(url, 'tok-123', 'DIWAN').send(notification);
      expect(out).toEqual({ providerMessageId: 'gw-1' });
      expect(received.at(-1)).toEqual({ auth: 'Bearer tok-123', body: { to: '+21650000001', from: 'DIWAN', text: 'رمز: 1', reference: 'n-1' } });
    });

    it('gives up on a refusal (4xx) and tries again later on a failure (5xx)', async () => {
      answer = { status: 422, body: '{"error":"bad number"}' };
      await expect(httpSmsTransport(url, 't', 'DIWAN').send(notification)).rejects.toBeInstanceOf(PermanentSendError);
      answer = { status: 503, body: 'busy' };
      const failure = await httpSmsTransport(url, 't', 'DIWAN').send(notification).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(PermanentSendError);
    });
  });

  describe('the bell: in-app notifications', () => {
    it('pushes a new in-app notification to the user live, counts it unread, and marks it read', async () => {
      const agent = await login('agent');
      const socket = await connectSocket(agent.token);
      try {
        const live = nextEvent<MyNotificationDto>(socket, 'notification.created');
        const res = await requestNotification({ channel: 'inApp', to: { username: 'agent' }, template: 'task.assigned', data: { taskName: 'Traiter', chronoNumber: '2026/A/000007' }, dedupeKey: uniqueKey('bell') });
        const pushed = await live;
        expect(pushed).toMatchObject({ id: res.body.id, read: false });
        expect(pushed.text.ar).toBe('أسندت إليك مهمة «\u2068Traiter\u2069» للمراسلة \u20682026/A/000007\u2069.');
        const mine = await api<MyNotificationsDto>('GET', '/api/notifications/mine', { token: agent.token });
        expect(mine.body.items[0]).toMatchObject({ id: res.body.id, read: false });
        expect(mine.body.unread).toBeGreaterThanOrEqual(1);
        const read = await api<MyNotificationsDto>('POST', '/api/notifications/mine/read', { token: agent.token });
        expect(read.body.unread).toBe(0);
        // another user's bell does not show it
        const head = await login('head');
        const theirs = await api<MyNotificationsDto>('GET', '/api/notifications/mine', { token: head.token });
        expect(theirs.body.items.map((i) => i.id)).not.toContain(res.body.id);
      } finally {
        socket.disconnect();
      }
    });
  });

  describe('deadline escalations (topic deadline.escalate)', () => {
    it("notifies the late step's holders and the supervisors in-app and the deadline desk by e-mail, once however often the worker runs", async () => {
      // given a mail whose circuit waits on the cabinet's triage
      const { mailId, processInstanceId, chronoNumber } = await mailWithCircuit(registrar);
      const cabinet = await login('cabinet');
      await waitFor('the triage task', async () => (await api<unknown[]>('GET', `/api/user-tasks?processInstanceId=${processInstanceId}`, { token: cabinet.token })).body.length > 0);
      const supervisor = await login('supervisor');
      const socket = await connectSocket(supervisor.token);
      try {
        const live = nextEvent<MyNotificationDto>(socket, 'notification.created', (n) => n.template === 'deadline.escalation' && n.mailId === mailId);
        // when the escalation worker runs, then runs again for the same step (a retry)
        const handler = deadlineEscalateHandler({ engine: new EngineApi(stack.engineUrl, stack.workerToken) });
        const task = { id: 'e-1', processInstanceId, activityId: 'escalate_deadline', businessKey: null, retries: null, variables: { get: (k: string) => ({ mailId, dueDate: '2026-03-02T08:00:00Z' })[k] } } as unknown as ExternalTask;
        await handler(task);
        await handler({ ...task, id: 'e-2' } as ExternalTask);
        // then the supervisor hears of it live, in plain words
        const pushed = await live;
        expect(plain(pushed.text.en)).toBe(`Mail ${chronoNumber} (${(await api<MailDto>('GET', `/api/mails/${mailId}`, { token: registrar })).body.subject}) is past its deadline (2 March 2026). Please step in.`);
        // and each recipient got one notification: the cabinet (holders), the supervisor, the desk by e-mail
        const all = await api<{ items: NotificationDto[] }>('GET', `/api/notifications?mailId=${mailId}&pageSize=200`, { token: admin });
        const inApp = all.body.items.filter((n) => n.channel === 'inApp').map((n) => n.to.username).sort();
        expect(inApp).toEqual(expect.arrayContaining(['cabinet', 'supervisor']));
        expect(new Set(inApp).size).toBe(inApp.length);
        expect(all.body.items.filter((n) => n.channel === 'email').map((n) => n.to.email)).toEqual(['supervision@diwan.localhost']);
        // the cabinet's bell shows it once, when the outbox has delivered it (each recipient's in-app
        // item is its own delivery: the supervisor's may come first); the bell keeps the latest 50, and
        // other files' mail may have pushed it out meanwhile (then the bell is full)
        const mine = await waitFor("the cabinet's bell", async () => {
          const bell = (await api<MyNotificationsDto>('GET', '/api/notifications/mine', { token: cabinet.token })).body;
          return bell.items.some((n) => n.mailId === mailId) || bell.items.length === 50 ? bell : null;
        });
        expect(mine.items.filter((n) => n.mailId === mailId).length).toBeLessThanOrEqual(1);
        const desk = await waitFor('the desk e-mail', async () => {
          const found = (await emailsTo('supervision@diwan.localhost')).filter((m) => m.subject?.includes(chronoNumber));
          return found.length ? found : null;
        });
        await new Promise((r) => setTimeout(r, 2_500));
        expect((await emailsTo('supervision@diwan.localhost')).filter((m) => m.subject?.includes(chronoNumber))).toHaveLength(desk.length);
        expect(desk).toHaveLength(1);
      } finally {
        socket.disconnect();
      }
    });
  });

  describe('a step the circuit gives to one person', () => {
    it("puts a sentence in that person's bell, in each language, once", async () => {
      // given a circuit whose step goes to the agent by name, started for a mail
      const key = uniqueKey('notify_assigned').replace(/-/g, '_');
      await deployCircuit(admin, key, userTaskCircuit(key, [{ id: 'study', names: ['دراسة الملف', 'Étude du dossier', 'Case study'], group: 'urbanism', assignee: 'agent' }]));
      const mail = (await registerMail(registrar, aMail())).body as MailDto;
      const agent = await login('agent');
      const socket = await connectSocket(agent.token);
      try {
        const live = nextEvent<MyNotificationDto>(socket, 'notification.created', (n) => n.template === 'task.assigned' && n.mailId === mail.id);
        // when the circuit starts and creates the step
        await runtimeApi('POST', `/process-definition/key/${key}/start`, { businessKey: mail.id });
        // then the agent hears of it, with the step's name in each language and the mail's number
        const pushed = await live;
        expect(plain(pushed.text.ar)).toBe(`أسندت إليك مهمة «دراسة الملف» للمراسلة ${mail.chronoNumber}.`);
        expect(plain(pushed.text.fr)).toBe(`La tâche « Étude du dossier » du courrier ${mail.chronoNumber} vous est confiée.`);
        expect(plain(pushed.text.en)).toBe(`The task "Case study" for mail ${mail.chronoNumber} is now yours.`);
        const listed = await api<{ items: NotificationDto[] }>('GET', `/api/notifications?mailId=${mail.id}`, { token: admin });
        expect(listed.body.items.filter((n) => n.template === 'task.assigned' && n.to.username === 'agent')).toHaveLength(1);
      } finally {
        socket.disconnect();
      }
    });
  });

  describe('GET /api/notifications', () => {
    it('is for admins only', async () => {
      for (const username of ['registrar', 'cabinet', 'head', 'agent', 'president', 'supervisor']) {
        const { token } = await login(username);
        expect([username, (await api('GET', '/api/notifications', { token })).status]).toEqual([username, 403]);
        expect((await api('GET', '/api/notifications/mine', { token })).status).toBe(200);
      }
      expect((await api('GET', '/api/notifications')).status).toBe(401);
      expect((await api('GET', '/api/notifications', { token: admin })).status).toBe(200);
    });

    it('filters by mail, channel and status, pages, and refuses bad filters', async () => {
      const mailId = `m-${randomUUID()}`;
      const key = uniqueKey('filter');
      await requestNotification({ channel: 'sms', to: { phone: aPhone() }, template: 'answer.available', language: 'en', data: { chronoNumber: 'X' }, dedupeKey: `${key}-1`, mailId });
      await requestNotification({ channel: 'inApp', to: { username: 'head' }, template: 'answer.available', data: { chronoNumber: 'X' }, dedupeKey: `${key}-2`, mailId });
      const all = await api<{ items: NotificationDto[]; total: number }>('GET', `/api/notifications?mailId=${mailId}`, { token: admin });
      expect(all.body.total).toBe(2);
      const sms = await api<{ items: NotificationDto[] }>('GET', `/api/notifications?mailId=${mailId}&channel=sms`, { token: admin });
      expect(sms.body.items.map((n) => n.id)).toEqual([`${key}-1`]);
      const page = await api<{ items: NotificationDto[] }>('GET', `/api/notifications?mailId=${mailId}&pageSize=1&page=2`, { token: admin });
      expect(page.body.items).toHaveLength(1);
      expect((await api('GET', '/api/notifications?status=lost', { token: admin })).status).toBe(400);
      expect((await api('GET', '/api/notifications?pageSize=100000', { token: admin })).status).toBe(400);
    });
  });
});
