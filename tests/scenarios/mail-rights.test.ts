import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { SOCKET_EVENTS, type MailDto, type MailPage } from '@diwan/contracts';
import { api, connectSocket, login, nextEvent, stack } from '../harness/stack.js';
import { TINY_PDF, aMail, engineDb, registerMail } from './mail.fixtures.js';

const USERS = ['admin', 'registrar', 'cabinet', 'head', 'agent', 'supervisor'] as const;
type User = (typeof USERS)[number];

describe('who may see and do what with mail', () => {
  const tokens = {} as Record<User, string>;
  let finance: MailDto; // normal, for the finance department
  let urbanism: MailDto; // normal, for action by urbanism
  let secret: MailDto; // secret, named: head
  const sockets: Socket[] = [];
  const heard: Record<string, string[]> = {};

  beforeAll(async () => {
    for (const u of USERS) tokens[u] = (await login(u)).token;
    for (const u of USERS) {
      const s = await connectSocket(tokens[u]);
      heard[u] = [];
      s.on(SOCKET_EVENTS.mailRegistered, (m: MailDto) => heard[u]!.push(m.id));
      sockets.push(s);
    }
    const file = [{ name: 'piece.pdf', data: TINY_PDF }];
    const lastToRegister = nextEvent<MailDto>(sockets[1]!, SOCKET_EVENTS.mailRegistered, (m) => m.confidentiality === 'secret');
    finance = (await registerMail(tokens.registrar, aMail({ departments: { forAction: ['finance'], forInformation: [] } }), file)).body;
    urbanism = (await registerMail(tokens.registrar, aMail({ departments: { forAction: [], forInformation: ['urbanism'] } }), file)).body;
    secret = (await registerMail(tokens.registrar, aMail({ subject: 'Enquête disciplinaire', confidentiality: 'secret', namedUsers: ['head'], departments: { forAction: ['urbanism'], forInformation: [] } }), file)).body;
    await lastToRegister;
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(() => sockets.forEach((s) => s.close()));

  // Who sees which mail: normal mail by role or department; the secret one only by its named user and its registrar.
  const SEES: Record<User, { finance: boolean; urbanism: boolean; secret: boolean }> = {
    admin: { finance: true, urbanism: true, secret: false },
    registrar: { finance: true, urbanism: true, secret: true },
    cabinet: { finance: true, urbanism: true, secret: false },
    head: { finance: false, urbanism: true, secret: true },
    agent: { finance: false, urbanism: true, secret: false },
    supervisor: { finance: true, urbanism: true, secret: false },
  };

  it.each(USERS)('%s sees exactly its mails on every read route and on Socket.io', async (user) => {
    const token = tokens[user];
    for (const [name, mail] of [['finance', finance], ['urbanism', urbanism], ['secret', secret]] as const) {
      const expected = SEES[user][name];
      const one = await api('GET', `/api/mails/${mail.id}`, { token });
      const progress = await api('GET', `/api/mails/${mail.id}/progress`, { token });
      const file = await fetch(`${stack.engineUrl}/api/attachments/${mail.attachments[0]!.id}`, { headers: { authorization: `Bearer ${token}` } });
      await file.arrayBuffer();
      const listed = await api<MailPage>('GET', `/api/mails?q=${encodeURIComponent(mail.chronoNumber!)}`, { token });
      const csv = await (await fetch(`${stack.engineUrl}/api/mails?format=csv&q=${encodeURIComponent(mail.chronoNumber!)}`, { headers: { authorization: `Bearer ${token}` } })).text();
      const dup = await api<MailDto[]>('GET', `/api/mails/duplicates?correspondentId=${mail.correspondent!.id}&letterReference=${encodeURIComponent(mail.letterReference!)}`, { token });
      const got = {
        get: one.status,
        progress: progress.status,
        attachment: file.status,
        list: listed.body.items.some((m) => m.id === mail.id),
        csv: csv.includes(mail.chronoNumber!),
        duplicates: dup.body.some((m) => m.id === mail.id),
        socket: heard[user]!.includes(mail.id),
      };
      const want = { get: expected ? 200 : 404, progress: expected ? 200 : 404, attachment: expected ? 200 : 404, list: expected, csv: expected, duplicates: expected, socket: expected };
      expect([user, name, got]).toEqual([user, name, want]);
    }
  });

  it.each(USERS)('%s may register only as registrar or admin, and run admin-only routes only with the role', async (user) => {
    const token = tokens[user];
    const registered = await registerMail(token, aMail());
    expect([user, registered.status]).toEqual([user, ['registrar', 'admin'].includes(user) ? 201 : 403]);
    const correspondents = await api('GET', '/api/correspondents?q=sami', { token });
    expect([user, correspondents.status]).toEqual([user, ['registrar', 'admin'].includes(user) ? 200 : 403]);
    const verify = await api('GET', '/api/audit/verify', { token });
    expect([user, verify.status]).toEqual([user, ['supervisor', 'admin'].includes(user) ? 200 : 403]);
    for (const path of ['/api/departments', '/api/users']) expect([user, path, (await api('GET', path, { token })).status]).toEqual([user, path, 200]);
  });

  it('refuses every mail route without a login, and the internal routes without the worker token', async () => {
    for (const path of ['/api/mails', `/api/mails/${finance.id}`, `/api/attachments/${finance.attachments[0]!.id}`, '/api/correspondents?q=a', '/api/departments', '/api/users', '/api/audit/verify']) {
      expect([path, (await api('GET', path)).status]).toEqual([path, 401]);
    }
    expect((await api('GET', `/api/internal/mails/${finance.id}`, { token: tokens.admin })).status).toBe(401);
    expect((await api('POST', `/api/internal/mails/${finance.id}/status`, { token: tokens.admin, body: { status: 'closed', actor: 'x' } })).status).toBe(401);
  });

  it('lets workers read a mail, move its status forward only, and attach a file idempotently', async () => {
    const w = stack.workerToken;
    expect((await api<MailDto>('GET', `/api/internal/mails/${urbanism.id}`, { token: w })).body.chronoNumber).toBe(urbanism.chronoNumber);
    const updated = nextEvent<MailDto>(sockets[3]!, SOCKET_EVENTS.mailUpdated, (m) => m.id === urbanism.id && m.status === 'in_progress');
    const moved = await api('POST', `/api/internal/mails/${urbanism.id}/status`, { token: w, body: { status: 'in_progress', actor: 'agent' } });
    expect([moved.status, moved.body.status]).toEqual([200, 'in_progress']);
    await updated; // the head (urbanism) hears it live
    expect((await api('POST', `/api/internal/mails/${urbanism.id}/status`, { token: w, body: { status: 'triaged', actor: 'agent' } })).status).toBe(409);
    const post = async (mailId = urbanism.id) => {
      const form = new FormData();
      form.set('role', 'reply');
      form.set('file', new Blob([new Uint8Array(TINY_PDF)]), 'reponse.pdf');
      const res = await fetch(`${stack.engineUrl}/api/internal/mails/${mailId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${w}` }, body: form });
      return { status: res.status, body: (await res.json()) as MailDto };
    };
    const first = await post();
    const again = await post();
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.attachments.filter((a) => a.role === 'reply')).toHaveLength(1);
    // no mail: 404; and neither the retry's copy nor that one is left in the files' store
    const nobody = '0123456789abcdef01234567';
    expect((await post(nobody)).status).toBe(404);
    const { db, close } = await engineDb();
    try {
      const stored = (mailId: string) => db.collection('attachments.files').countDocuments({ 'metadata.mailId': mailId, 'metadata.role': 'reply' });
      expect([await stored(urbanism.id), await stored(nobody)]).toEqual([1, 0]);
    } finally {
      await close();
    }
    const timeline = (await api<MailDto>('GET', `/api/mails/${urbanism.id}`, { token: tokens.admin })).body.timeline!.map((e) => e.action);
    expect(timeline).toEqual(expect.arrayContaining(['mail.registered', 'mail.statusChanged', 'attachment.added']));
  });
});
