import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto, MailPage } from '@diwan/contracts';
import { api, login, waitFor } from '../harness/stack.js';
import { aMail, counterValue, engineDb, registerMail } from './mail.fixtures.js';

// Other files register outgoing mail at the same time (replies, dashboards), so the numbers are
// checked as a register: distinct, and no gap in the range the run took.
describe('chrono numbers', () => {
  let registrar: string;
  let admin: string;
  beforeAll(async () => {
    registrar = (await login('registrar')).token;
    admin = (await login('admin')).token;
  });

  it('gives 200 parallel registrations 200 distinct, consecutive numbers', async () => {
    // given the register D as it is now
    const { db, close } = await engineDb();
    const before = await counterValue(db, 'D');
    await close();

    // when 200 registrations arrive at once
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => registerMail(registrar, aMail({ direction: 'outgoing', subject: `Envoi parallèle n° ${i}` }))),
    );

    // then all succeed with 200 distinct numbers after the ones before
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
    const year = new Date().getUTCFullYear();
    const sequences = results.map((r) => (r.body as MailDto).sequence!).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(200);
    expect(sequences[0]).toBeGreaterThan(before);
    expect(new Set(results.map((r) => (r.body as MailDto).chronoNumber)).size).toBe(200);
    // and the register has every number of the range they fall in, each once
    const last = sequences[199]!;
    await waitFor('register D continuous', async () => {
      const { db: check, close: done } = await engineDb();
      try {
        const taken = await check.collection('mails').find({ register: 'D', year, sequence: { $gt: before, $lte: last } }, { projection: { sequence: 1 } }).toArray();
        const numbers = taken.map((m) => m.sequence as number);
        return numbers.length === last - before && new Set(numbers).size === numbers.length;
      } finally {
        await done();
      }
    });
    expect((results[0]!.body as MailDto).chronoNumber).toMatch(new RegExp(`^${year}/D/\\d{6}$`));
    // and outgoing mail runs its direction's standard circuit too
    expect(results.every((r) => r.body.circuit?.key === 'outgoing-mail' && r.body.circuitStart?.state === 'pending')).toBe(true);
  });

  it('records a number taken without a mail as void, and keeps the register continuous', async () => {
    // given a number taken from the counter with no mail written (the engine died in between)
    const { db, close } = await engineDb();
    try {
      const year = new Date().getUTCFullYear();
      const counter = await db.collection<{ _id: string; value: number }>('counters').findOneAndUpdate({ _id: `mail:D:${year}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
      const lost = counter!.value;

      // when the admin runs the reconciler
      const res = await api('POST', '/api/admin/mails/reconcile?graceMs=0', { token: admin });

      // then that number is a void entry with its reason
      expect(res.status).toBe(200);
      const chrono = `${year}/D/${String(lost).padStart(6, '0')}`;
      expect(res.body.voided).toContain(chrono);
      const page = await api<MailPage>('GET', `/api/mails?chronoNumber=${encodeURIComponent(chrono)}`, { token: admin });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0]).toMatchObject({ chronoNumber: chrono, status: 'void', voidReason: expect.stringContaining('reconciler') });

      // and the next registration continues right after it
      const next = await registerMail(registrar, aMail({ direction: 'outgoing' }));
      expect(next.body.sequence).toBeGreaterThan(lost);
      // and reconciling again changes nothing
      expect((await api('POST', '/api/admin/mails/reconcile?graceMs=0', { token: admin })).body.voided).toEqual([]);
      // and only the admin may run it
      expect((await api('POST', '/api/admin/mails/reconcile?graceMs=0', { token: registrar })).status).toBe(403);
    } finally {
      await close();
    }
  });
});
