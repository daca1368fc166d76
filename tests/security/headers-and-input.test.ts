import { beforeAll, describe, expect, it } from '@jest/globals';
import type { UserTaskDto } from '@diwan/contracts';
import { api, login, stack } from '../harness/stack.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';
import { fromAddress, loopbackAddress } from './security.fixtures.js';

/** Issue 8, items 12 (headers) and 14 (NUL bytes, inbox pages, X-Forwarded-For). */
describe('security headers from the engine itself', () => {
  it.each(['/', '/login', '/api/health', '/api/auth/me'])('sends a strict CSP, frame-ancestors, nosniff and Referrer-Policy on %s', async (path) => {
    const res = await fetch(stack.engineUrl + path);
    await res.arrayBuffer();
    const csp = res.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('hostile input at the boundary', () => {
  let token: string;
  beforeAll(async () => {
    token = (await login('admin')).token;
  });

  it.each([
    '/api/mails?q=%00',
    '/api/mails?q=abc%00def',
    '/api/mails/duplicates?letterReference=%00',
    '/api/user-tasks?businessKey=%00',
    '/api/user-tasks?candidateGroup=a%00b',
    '/api/users?department=%00',
    '/api/correspondents?q=%00',
    '/api/circuit-drafts?q=%00',
    '/api/mail-types/%00',
    '/api/mails/%00',
    '/api/user-tasks/%00',
    '/api/circuits/%00/xml',
  ])('answers 400 to a NUL byte in %s', async (path) => {
    const res = await api('GET', path, { token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_input');
  });

  it('answers 400 to a NUL character in a JSON body', async () => {
    const res = await api('POST', '/api/user-tasks/bulk', { token, body: { action: 'claim', ids: ['a\u0000b'] } });
    expect(res.status).toBe(400);
  });

  it('pages the inbox and says so: X-Total-Count and Link, page and pageSize checked', async () => {
    // given two open triage tasks that the supervisor sees
    const registrar = (await login('registrar')).token;
    const supervisor = (await login('supervisor')).token;
    for (let i = 0; i < 2; i++) expect((await registerMail(registrar, aMail())).status).toBe(201);
    const all = async () => {
      const res = await fetch(`${stack.engineUrl}/api/user-tasks?pageSize=500`, { headers: { authorization: `Bearer ${supervisor}` } });
      return { total: Number(res.headers.get('x-total-count')), tasks: (await res.json()) as UserTaskDto[] };
    };
    for (let tries = 0; (await all()).total < 2 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 200));

    // when it reads one task per page
    const first = await fetch(`${stack.engineUrl}/api/user-tasks?pageSize=1&page=1`, { headers: { authorization: `Bearer ${supervisor}` } });
    const firstTasks = (await first.json()) as UserTaskDto[];
    const total = Number(first.headers.get('x-total-count'));
    // then the answer says how many there are and where the next page is
    expect(first.status).toBe(200);
    expect(firstTasks).toHaveLength(1);
    expect(total).toBeGreaterThanOrEqual(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toBe('/api/user-tasks?pageSize=1&page=2');
    const second = (await api<UserTaskDto[]>('GET', next!, { token: supervisor })).body;
    expect(second).toHaveLength(1);
    expect(second[0]!.id).not.toBe(firstTasks[0]!.id);
    // and the last page has no next link, but a previous one (other files add tasks meanwhile: the last page is the one its own count names)
    let last = await fetch(`${stack.engineUrl}/api/user-tasks?pageSize=1&page=${total}`, { headers: { authorization: `Bearer ${supervisor}` } });
    for (let tries = 0; tries < 20; tries++) {
      await last.arrayBuffer();
      const count = Number(last.headers.get('x-total-count'));
      if (new URL(last.url).searchParams.get('page') === String(count)) break;
      last = await fetch(`${stack.engineUrl}/api/user-tasks?pageSize=1&page=${count}`, { headers: { authorization: `Bearer ${supervisor}` } });
    }
    expect(new URL(last.url).searchParams.get('page')).toBe(last.headers.get('x-total-count'));
    expect(last.headers.get('link')).not.toMatch(/rel="next"/);
    expect(last.headers.get('link')).toMatch(/rel="prev"/);

    // and a page size over 500, or a page of 0, is refused
    expect((await api('GET', '/api/user-tasks?pageSize=501', { token: supervisor })).status).toBe(400);
    expect((await api('GET', '/api/user-tasks?page=0', { token: supervisor })).status).toBe(400);
  });

  it('limits public tracking per client address, whatever X-Forwarded-For says', async () => {
    // given a client that claims another address in X-Forwarded-For on each request
    const address = loopbackAddress();
    const answers = [];
    for (let i = 0; i < 61; i++) {
      answers.push(await fromAddress(address, 'GET', '/api/public/track/ABCDEFGHIJ', { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } }));
    }
    // then its 61st request in a minute is refused all the same
    expect(answers.slice(0, 60).map((a) => a.status)).toEqual(Array(60).fill(404));
    expect(answers[60]!.status).toBe(429);
    expect(Number(answers[60]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // and another address is not affected
    expect((await fromAddress(loopbackAddress(), 'GET', '/api/public/track/ABCDEFGHIJ')).status).toBe(404);
  });
});

describe('compression', () => {
  it("zips the browser's answers but not the services' (the workers' calls on the local network)", async () => {
    const registrar = (await login('registrar')).token;
    // a mail whose JSON is well over the 1 kB under which nothing is zipped
    const created = await registerMail(registrar, aMail({ summary: 'ملخص طويل للمراسلة '.repeat(120) }));
    expect(created.status).toBe(201);
    const encodingOf = async (path: string, token: string) => {
      const res = await fetch(stack.engineUrl + path, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(Number((await res.arrayBuffer()).byteLength)).toBeGreaterThan(1024);
      return res.headers.get('content-encoding');
    };
    expect(await encodingOf(`/api/mails/${created.body.id}`, registrar)).toBe('gzip');
    expect(await encodingOf(`/api/internal/mails/${created.body.id}`, stack.workerToken)).toBeNull();
  });
});
