import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { api, connectSocket, login } from '../harness/stack.js';
import { createUser, signToken, updateUser } from './security.fixtures.js';

/** Issue 8, item 12: a socket lives no longer than its token and its user's rights; logout revokes the token. */
const disconnected = (socket: Socket, timeoutMs = 15_000) =>
  new Promise<string>((resolve, reject) => {
    if (!socket.connected) return resolve('already');
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

describe('sessions and sockets', () => {
  it('drops a socket when its token expires', async () => {
    // given a socket connected with a token that expires in 3 s
    const token = signToken({ sub: 'agent', jti: randomUUID(), exp: Math.floor(Date.now() / 1000) + 3 });
    const socket = await connectSocket(token);
    await socket.snapshot;
    // then the engine closes it when the token expires
    expect(await disconnected(socket, 10_000)).toBe('io server disconnect');
    // and the token opens nothing any more
    expect((await api('GET', '/api/auth/me', { token })).status).toBe(401);
    await expect(connectSocket(token)).rejects.toThrow();
  });

  it('revokes the token at logout: API calls and sockets refused, open sockets dropped', async () => {
    // given a logged-in user with an open socket
    const { token } = await login('head');
    const socket = await connectSocket(token);
    await socket.snapshot;
    const other = (await login('head')).token;
    // when they log out
    const gone = disconnected(socket, 5_000);
    expect((await api('POST', '/api/auth/logout', { token })).status).toBe(204);
    // then the socket is dropped at once, and the token is refused everywhere
    expect(await gone).toBe('io server disconnect');
    expect((await api('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await api('GET', '/api/user-tasks', { token })).status).toBe(401);
    await expect(connectSocket(token)).rejects.toThrow();
    // and logging out again with it is refused, while the user's other session goes on
    expect((await api('POST', '/api/auth/logout', { token })).status).toBe(401);
    expect((await api('GET', '/api/auth/me', { token: other })).status).toBe(200);
  });

  it("drops a socket when its user's departments change, and again when their role changes", async () => {
    // given a user of their own with an open socket
    const user = await createUser({ roles: ['agent'], departments: ['urbanism'] });
    const first = await connectSocket((await login(user.username)).token);
    await first.snapshot;
    // when an administrator moves them to another department
    const dropped = disconnected(first);
    await updateUser(user.username, { departments: ['cabinet'] });
    // then the socket is dropped (its rooms were wrong)
    expect(await dropped).toBe('io server disconnect');

    // given a new socket; when their role changes, then it is dropped too
    const second = await connectSocket((await login(user.username)).token);
    await second.snapshot;
    const droppedAgain = disconnected(second);
    await updateUser(user.username, { roles: ['head'] });
    expect(await droppedAgain).toBe('io server disconnect');
  });

  it('drops a socket when its user is disabled, and refuses them from then on', async () => {
    const user = await createUser({ roles: ['agent'], departments: ['urbanism'] });
    const { token } = await login(user.username);
    const socket = await connectSocket(token);
    await socket.snapshot;
    const dropped = disconnected(socket);
    await updateUser(user.username, { active: false });
    expect(await dropped).toBe('io server disconnect');
    expect((await api('GET', '/api/auth/me', { token })).status).toBe(401);
    await expect(connectSocket(token)).rejects.toThrow();
  });
});
