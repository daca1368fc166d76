import { beforeAll, describe, expect, it } from '@jest/globals';
import { api, login } from '../harness/stack.js';
import { DEMO_ROLES, signToken, type DemoUser } from './security.fixtures.js';

/**
 * Every operation of the OpenAPI document × anonymous, bad tokens and each demo user. The table
 * below declares who may call each operation; an operation of the document that it doesn't
 * declare fails the test, so a new route can't be missed.
 *
 * - public: anyone, no token needed (never 401);
 * - service: the runtime's bridge or the workers only (their shared secret): 401 for every user token;
 * - a list of users: the demo users that may call it; the others get 403 or 404; everyone with a
 *   bad token or none gets 401;
 * - 'all': every logged-in user.
 * Nobody ever gets a 5xx (but /api/health, which says 503 while a part is down).
 */
type Who = 'public' | 'service' | 'all' | readonly DemoUser[];

const ADMIN = ['admin'] as const;
const OVERSIGHT = ['admin', 'supervisor'] as const;
const REGISTRY = ['admin', 'registrar'] as const;

const EXPECTED: Record<string, Who> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'all',
  'GET /api/auth/me': 'all',
  'GET /api/circuits': 'all',
  'POST /api/circuits': ADMIN,
  'GET /api/circuits/{id}/stats': OVERSIGHT,
  'GET /api/circuits/{id}/xml': 'all',
  'POST /api/circuits/{key}/instances': REGISTRY,
  'GET /api/circuit-drafts': ADMIN,
  'POST /api/circuit-drafts': ADMIN,
  'POST /api/circuit-drafts/from-circuit/{processDefinitionId}': ADMIN,
  'GET /api/circuit-drafts/{id}': ADMIN,
  'PUT /api/circuit-drafts/{id}': ADMIN,
  'DELETE /api/circuit-drafts/{id}': ADMIN,
  'POST /api/circuit-drafts/{id}/versions': ADMIN,
  'GET /api/circuit-drafts/{id}/versions/{number}': ADMIN,
  'POST /api/circuit-drafts/{id}/validate': ADMIN,
  'POST /api/circuit-drafts/{id}/deploy': ADMIN,
  'GET /api/mail-types': 'all',
  'POST /api/mail-types': ADMIN,
  'GET /api/mail-types/{code}': 'all',
  'PUT /api/mail-types/{code}': ADMIN,
  'GET /api/circuit-defaults': 'all',
  'PUT /api/circuit-defaults': ADMIN,
  'GET /api/user-tasks': 'all',
  'GET /api/user-tasks/counts': 'all',
  'GET /api/user-tasks/{id}': 'all',
  'GET /api/user-tasks/{id}/form': 'all',
  'POST /api/user-tasks/{id}/complete': 'all',
  'POST /api/user-tasks/{id}/claim': 'all',
  'POST /api/user-tasks/{id}/unclaim': 'all',
  'POST /api/user-tasks/{id}/delegate': 'all',
  'POST /api/user-tasks/bulk': 'all',
  'POST /api/internal/circuit-events': 'service',
  'POST /api/runtime-events': 'service',
  'POST /api/mails': REGISTRY,
  'GET /api/mails': 'all',
  'GET /api/mails/duplicates': 'all',
  'GET /api/mails/{id}': 'all',
  'GET /api/mails/{id}/progress': 'all',
  'POST /api/mails/drafts': ['registrar', 'cabinet', 'head', 'agent', 'president'],
  'POST /api/mails/{id}/document/sign': 'all',
  'GET /api/mails/{id}/document/signatures': 'all',
  'GET /api/mails/{id}/document/signing': 'all',
  'POST /api/admin/mails/reconcile': ADMIN,
  'GET /api/admin/reconcile': OVERSIGHT,
  'POST /api/admin/reconcile': ADMIN,
  'GET /api/admin/dead-letters': OVERSIGHT,
  'GET /api/dashboard': ['admin', 'head', 'president', 'supervisor'],
  'POST /api/admin/dashboard/rebuild': ADMIN,
  'GET /api/reports/monthly': ['admin', 'head', 'president', 'supervisor'],
  'GET /api/operations/incidents': OVERSIGHT,
  'POST /api/operations/incidents/retry': OVERSIGHT,
  'POST /api/operations/tasks/reassign': OVERSIGHT,
  'GET /api/operations/instances/{id}': OVERSIGHT,
  'POST /api/operations/instances/{id}/cancel': OVERSIGHT,
  'POST /api/operations/instances/{id}/move': OVERSIGHT,
  'GET /api/operations/circuits/{key}/versions': OVERSIGHT,
  'POST /api/operations/migrations/preview': OVERSIGHT,
  'POST /api/operations/migrations': OVERSIGHT,
  'GET /api/absences': 'all',
  'POST /api/absences': 'all',
  'GET /api/absences/substitutes': 'all',
  'DELETE /api/absences/{id}': 'all',
  'POST /api/absences/{id}/end': 'all',
  'GET /api/letter-templates': 'all',
  'POST /api/letter-templates': ADMIN,
  'GET /api/letter-templates/{code}': 'all',
  'PUT /api/letter-templates/{code}': ADMIN,
  'DELETE /api/letter-templates/{code}': ADMIN,
  'GET /api/mails/{id}/letter': 'all',
  'PUT /api/mails/{id}/letter': 'all',
  'POST /api/mails/{id}/letter/from-template': 'all',
  'POST /api/mails/{id}/letter/annexes': 'all',
  'GET /api/mails/{id}/letter/versions/{n}': 'all',
  'GET /api/mails/{id}/letter/compare': 'all',
  'GET /api/mails/{id}/document': 'all',
  'GET /api/attachments/{id}': 'all',
  'GET /api/correspondents': REGISTRY,
  'GET /api/departments': 'all',
  'GET /api/users': 'all',
  'GET /api/audit/verify': OVERSIGHT,
  'GET /api/public/track/{code}': 'public',
  'POST /api/public/track/{code}/answers': 'public',
  'GET /api/public/track/{code}/answer': 'public',
  'GET /api/public/stats': 'public',
  'GET /api/public/portal/options': 'public',
  'GET /api/public/deposits/challenge': 'public',
  'POST /api/public/deposits': 'public',
  'POST /api/public/deposits/{id}/confirm': 'public',
  'POST /api/public/deposits/{id}/resend': 'public',
  'POST /api/public/receipts/verify': 'public',
  'GET /api/public/receipts/{code}': 'public',
  'GET /api/public/receipts/{code}/pdf': 'public',
  'GET /api/mails/{id}/answer-document': 'all',
  'POST /api/mails/{id}/answer-document': 'all',
  'GET /api/internal/mails/{id}': 'service',
  'POST /api/internal/mails/{id}/status': 'service',
  'POST /api/internal/mails/{id}/register': 'service',
  'POST /api/internal/mails/{id}/attachments': 'service',
  'POST /api/internal/receipts': 'service',
  'GET /api/internal/mails/{id}/dispatch/letter': 'service',
  'POST /api/internal/mails/{id}/dispatch/claim': 'service',
  'POST /api/internal/mails/{id}/dispatch/record': 'service',
  'GET /api/mails/{id}/dispatch': 'all',
  'GET /api/mails/{id}/dispatch/slip.pdf': 'all',
  'GET /api/mails/{id}/dispatch/envelope.pdf': 'all',
  'POST /api/mails/{id}/dispatch/posted': REGISTRY,
  'GET /api/exchange/identity': 'public',
  'POST /api/exchange/packages': 'public',
  'POST /api/exchange/acknowledgments': 'public',
  'GET /api/exchange/peers': 'all',
  'POST /api/exchange/peers': ADMIN,
  'GET /api/exchange/peers/{id}': 'all',
  'PUT /api/exchange/peers/{id}': ADMIN,
  'DELETE /api/exchange/peers/{id}': ADMIN,
  'GET /api/notifications': ADMIN,
  'GET /api/notifications/mine': 'all',
  'POST /api/notifications/mine/read': 'all',
  'POST /api/internal/notifications': 'service',
  'POST /api/internal/notifications/deadline': 'service',
  'POST /api/internal/exchange/send': 'service',
};

interface Operation {
  key: string;
  method: string;
  url: string;
  hasBody: boolean;
}

/** A concrete request per operation: path parameters get a well-formed id that names nothing. */
function operationsOf(document: { paths: Record<string, Record<string, { requestBody?: unknown }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => {
        const filled = path.replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
        // the reconciler must not void numbers of mails that other tests are registering right now
        const url = path === '/api/admin/mails/reconcile' ? `${filled}?graceMs=60000` : filled;
        return { key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), url, hasBody: Boolean(op.requestBody) };
      }),
  );
}

describe('the authorization matrix, from the OpenAPI document', () => {
  let operations: Operation[];
  const tokens: Partial<Record<DemoUser, string>> = {};
  beforeAll(async () => {
    operations = operationsOf((await api('GET', '/api/openapi.json')).body);
    for (const user of DEMO_ROLES) tokens[user] = (await login(user)).token;
  });

  it('declares who may call every operation of the document, and only those', () => {
    expect(operations.map((o) => o.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const call = (op: Operation, headers: Record<string, string>) => api(op.method, op.url, { headers, ...(op.hasBody ? { body: {} } : {}) });

  it('refuses every secured operation without a token, with a bad token, with a forged or expired one (401)', async () => {
    const forged = signToken({ sub: 'admin', jti: 'forged', exp: Math.floor(Date.now() / 1000) + 3600 }, 'not-the-engine-secret-at-all-0123456789');
    const expired = signToken({ sub: 'admin', jti: 'expired', exp: Math.floor(Date.now() / 1000) - 10 });
    const noId = signToken({ sub: 'admin', exp: Math.floor(Date.now() / 1000) + 3600 });
    const unknownUser = signToken({ sub: 'nobody-at-all', jti: 'unknown-user', exp: Math.floor(Date.now() / 1000) + 3600 });
    const bad: Record<string, Record<string, string>> = {
      anonymous: {},
      garbage: { authorization: 'Bearer not-a-token' },
      'wrong scheme': { authorization: `Basic ${Buffer.from('admin:diwan').toString('base64')}` },
      forged: { authorization: `Bearer ${forged}` },
      expired: { authorization: `Bearer ${expired}` },
      'without an id': { authorization: `Bearer ${noId}` },
      'of an unknown user': { authorization: `Bearer ${unknownUser}` },
    };
    const wrong: string[] = [];
    for (const op of operations) {
      if (EXPECTED[op.key] === 'public') continue;
      for (const [who, headers] of Object.entries(bad)) {
        const res = await call(op, headers);
        if (res.status !== 401) wrong.push(`${op.key} ${who}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("lets each role call what it may, refuses the rest with 403 or 404, and never fails with 5xx", async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const who = EXPECTED[op.key];
      if (!who) continue;
      for (const user of DEMO_ROLES) {
        // logging out revokes the token: that call gets a token of its own
        const token = op.key === 'POST /api/auth/logout' ? (await login(user)).token : tokens[user];
        const res = await call(op, { authorization: `Bearer ${token}` });
        const allowed = who === 'public' || who === 'all' || (Array.isArray(who) && who.includes(user));
        const fine =
          res.status >= 500
            ? op.key === 'GET /api/health' && res.status === 503
            : who === 'service'
              ? res.status === 401
              : allowed
                ? res.status !== 401 && res.status !== 403
                : res.status === 403 || res.status === 404;
        if (!fine) wrong.push(`${op.key} as ${user}: ${res.status} ${JSON.stringify(res.body?.error?.message ?? '')}`);
      }
    }
    expect(wrong).toEqual([]);
    // (every operation as every role, some of them slow on purpose: a reconciliation waits for its
    // grace period, an audit verification reads the whole log; the suite runs beside the fault runs)
  }, 300_000);

  it('never fails with 5xx for anonymous callers either', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const res = await call(op, {});
      if (res.status >= 500 && !(op.key === 'GET /api/health' && res.status === 503)) wrong.push(`${op.key}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
