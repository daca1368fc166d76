import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { login } from '../harness/stack.js';
import { FAKE_EXE, TINY_PDF, TINY_PNG, aMail, counterValue, engineDb, registerMail, type FileSpec } from './mail.fixtures.js';

// This file owns register I (internal): no other test registers internal mail, so the counter
// tells whether a number was consumed.
const internal = (overrides: Record<string, unknown> = {}) => aMail({ direction: 'internal', ...overrides });

async function snapshot() {
  const { db, close } = await engineDb();
  try {
    return {
      counter: await counterValue(db, 'I'),
      internalMails: await db.collection('mails').countDocuments({ register: 'I' }),
      // only this file's uploads (named bi-…): other test files upload at the same time
      files: await db.collection('attachments.files').countDocuments({ filename: { $regex: '^bi-' } }),
    };
  } finally {
    await close();
  }
}

describe('bad registrations', () => {
  let registrar: string;
  beforeAll(async () => {
    registrar = (await login('registrar')).token;
  });

  const big = Buffer.concat([TINY_PDF, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
  const cases: [string, unknown, FileSpec[], number, RegExp][] = [
    ['missing subject', (() => { const m = internal(); delete (m as Record<string, unknown>).subject; return m; })(), [], 400, /subject/],
    ['wrong type', internal({ priority: 7 }), [], 400, /priority/],
    ['mail not JSON', '{"direction":', [], 400, /not valid JSON/],
    ['unknown department', internal({ departments: { forAction: ['urbanism', 'atlantis'], forInformation: [] } }), [], 422, /departments\.forAction\.1: unknown department atlantis/],
    ['unknown named user', internal({ confidentiality: 'secret', namedUsers: ['head', 'ghost'] }), [], 422, /namedUsers\.1: unknown user ghost/],
    ['unknown correspondent', internal({ correspondent: { id: '0123456789abcdef01234567' } }), [], 422, /correspondent\.id/],
    ['unknown linked mail', internal({ links: [{ kind: 'replyTo', mailId: '0123456789abcdef01234567' }] }), [], 422, /links\.0\.mailId/],
    ['file too large', internal(), [{ name: 'bi-scan.pdf', data: big, type: 'application/pdf' }], 413, /"bi-scan\.pdf" exceeds 20 MB/],
    ['PDF named .png', internal(), [{ name: 'bi-ok.png', data: TINY_PNG }, { name: 'bi-lettre.png', data: TINY_PDF }], 415, /"bi-lettre\.png": its content is not a PNG/],
    ['exe renamed .pdf', internal(), [{ name: 'bi-facture.pdf', data: FAKE_EXE, type: 'application/pdf' }], 415, /"bi-facture\.pdf": its content is not a PDF/],
    ['declared type contradicts name', internal(), [{ name: 'bi-lettre.pdf', data: TINY_PDF, type: 'image/png' }], 415, /"bi-lettre\.pdf": declared as image\/png/],
    ['type not accepted', internal(), [{ name: 'bi-virus.exe', data: FAKE_EXE }], 415, /"bi-virus\.exe": type \.exe is not accepted/],
    ['eleven files', internal(), Array.from({ length: 11 }, (_, i) => ({ name: `bi-p${i}.png`, data: TINY_PNG })), 413, /At most 10 files/],
  ];

  it.each(cases)('refuses %s precisely and writes nothing', async (_name, mail, files, status, message) => {
    // given the register and the file store as they are
    const before = await snapshot();
    // when the bad registration arrives
    const res = await registerMail(registrar, mail, files, randomUUID());
    // then a precise 4xx, and nothing written: no mail, no file, no number
    expect([res.status, res.body.error.message]).toEqual([status, expect.stringMatching(message)]);
    expect(await snapshot()).toEqual(before);
  });

  it('registers a double submit once, and refuses the same key with another body', async () => {
    // given a registration with an Idempotency-Key
    const before = await snapshot();
    const key = randomUUID();
    const mail = internal();
    const files = [{ name: 'bi-note.pdf', data: TINY_PDF }];

    // when it is submitted twice at once, then again
    const [a, b] = await Promise.all([registerMail(registrar, mail, files, key), registerMail(registrar, mail, files, key)]);
    const c = await registerMail(registrar, mail, files, key);

    // then one mail, one number, one file; the others are replays of it
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(c.status).toBe(200);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    const after = await snapshot();
    expect(after.counter - before.counter).toBe(1);
    expect(after.internalMails - before.internalMails).toBe(1);
    expect(after.files - before.files).toBe(1);

    // when the same key comes with another body, then 409 and nothing more
    const other = await registerMail(registrar, { ...mail, subject: 'Un autre objet' }, files, key);
    expect(other.status).toBe(409);
    expect(await snapshot()).toEqual(after);
  });
});
