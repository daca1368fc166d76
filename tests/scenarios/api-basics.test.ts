import { describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import { SOCKET_EVENTS } from '@diwan/contracts';
import { api, login, stack } from '../harness/stack.js';

describe('engine API basics', () => {
  it('reports engine, runtime and database up', async () => {
    const res = await api('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'up', engine: { state: 'up' }, runtime: { state: 'up', circuitsDeployed: true }, database: { state: 'up' } });
  });

  it('serves an OpenAPI document that lists its routes', async () => {
    const res = await api('GET', '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/health', '/api/user-tasks', '/api/circuits']));
  });

  it('logs a demo user in and refuses a wrong password with the same message as an unknown user', async () => {
    const ok = await login('registrar');
    expect(ok.user).toMatchObject({ username: 'registrar', roles: ['registrar'], departments: ['registry'] });
    const wrong = await api('POST', '/api/auth/login', { body: { username: 'registrar', password: 'nope' } });
    const unknown = await api('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('answers bad input with a precise 400', async () => {
    const missing = await api('POST', '/api/auth/login', { body: { username: 'registrar' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'bad_input', details: { fields: [{ field: 'password' }] } });
    const malformed = await api('POST', '/api/auth/login', { body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_input');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const { token } = await login('admin');
    const res = await api('GET', '/api/nothing-here', { token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('lists the deployed standard circuits with their XML', async () => {
    const { token } = await login('admin');
    const circuits = await api<{ id: string; key: string }[]>('GET', '/api/circuits', { token });
    const incoming = circuits.body.find((c) => c.key === 'incoming-mail');
    expect(incoming).toBeDefined();
    const xml = await api('GET', `/api/circuits/${encodeURIComponent(incoming!.id)}/xml`, { token });
    expect(xml.body.bpmn20Xml).toContain('receipt.issue');
    // a deployed circuit never changes: the reader's browser keeps its XML (privately); an unknown one is not kept
    const xmlOf = (id: string) => fetch(`${stack.engineUrl}/api/circuits/${encodeURIComponent(id)}/xml`, { headers: { authorization: `Bearer ${token}` } });
    expect((await xmlOf(incoming!.id)).headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const unknown = await xmlOf('incoming-mail:999:00000000-0000-0000-0000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control') ?? '').not.toContain('max-age');
  });

  it("serves a circuit's page with the diagram's chunks preloaded, every other page with the app's", async () => {
    const page = async (path: string) => {
      const res = await fetch(`${stack.engineUrl}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      return res.text();
    };
    const preloads = (html: string) => [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*href="\/assets\/([a-z.-]+)-[\w-]{8}\.(?:js|css)"/g)].map((m) => m[1]);
    const circuit = preloads(await page('/circuits/incoming-mail%3A1%3Aabc'));
    expect(circuit).toEqual(expect.arrayContaining(['diagram-ahead', 'bpmn']));
    expect(circuit).not.toContain('app.start');
    for (const path of ['/inbox', '/circuits/drafts', '/circuits/x/live', '/']) {
      const other = preloads(await page(path));
      expect(other).toContain('app.start');
      expect(other).not.toContain('diagram-ahead');
    }
  });

  it('serves Socket.io over long polling too, and keeps serving the API afterwards', async () => {
    const { token } = await login('cabinet');
    const socket = io(stack.engineUrl, { auth: { token }, transports: ['polling'], reconnection: false });
    const snapshot = await new Promise<{ userTasks: unknown[] }>((resolve, reject) => {
      socket.once(SOCKET_EVENTS.userTaskSnapshot, resolve);
      socket.once('connect_error', reject);
    }).finally(() => socket.close());
    expect(Array.isArray(snapshot.userTasks)).toBe(true);
    expect((await api('GET', '/api/health')).status).toBe(200);
  });
});
