import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { verifyAuditLog } from '../audit/audit.service.js';
import { AuditEntryModel } from '../audit/audit.model.js';
import { MailModel } from './mail.model.js';
import { checkedUpTo, counterName, formatChronoNumber, reconcileRegisters, recordVoid, withChronoNumber } from './mail.number.js';

describe('taking chrono numbers', () => {
  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('numbers') });
    await MailModel.syncIndexes();
    await AuditEntryModel.syncIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('formats 2026/A/000123', () => {
    expect(formatChronoNumber(2026, 'A', 123)).toBe('2026/A/000123');
  });

  it('leaves a void entry with the reason when the registration fails after taking the number', async () => {
    // given a registration whose write fails once it holds a number (a late rule, a lost connection)
    const late = () => withChronoNumber('incoming', 2031, 'registrar', async () => {
      throw new Error('the mail document was refused');
    });

    // when it runs
    await expect(late()).rejects.toThrow('the mail document was refused');

    // then the number is in the register as void, explained, and audited
    const voided = await MailModel.findOne({ register: 'A', year: 2031, sequence: 1 }).lean();
    expect(voided).toMatchObject({ chronoNumber: '2031/A/000001', status: 'void', voidReason: expect.stringContaining('the mail document was refused'), registeredBy: 'registrar' });
    expect(await AuditEntryModel.countDocuments({ action: 'mail.voided', mailId: String(voided!._id) })).toBe(1);
    expect((await verifyAuditLog(async () => [])).ok).toBe(true);

    // and the next registration takes the next number
    const next = await withChronoNumber('incoming', 2031, 'registrar', async (sequence, chronoNumber) => ({ sequence, chronoNumber }));
    expect(next).toEqual({ sequence: 2, chronoNumber: '2031/A/000002' });
  });

  it('takes a fresh number when the reconciler voided the one in hand', async () => {
    // given the reconciler already wrote a void entry for the next number
    await MailModel.create({ chronoNumber: '2032/I/000001', register: 'I', year: 2032, sequence: 1, direction: 'internal', subject: '—', receivedAt: new Date(), status: 'void', voidReason: 'test', registeredBy: 'system', registeredAt: new Date(), trackingCode: 'VOIDTEST01' });
    // when a registration inserts with that number and hits the unique index
    const result = await withChronoNumber('internal', 2032, 'registrar', async (sequence, chronoNumber) => {
      await MailModel.create({ chronoNumber, register: 'I', year: 2032, sequence, direction: 'internal', subject: 'ok', receivedAt: new Date(), status: 'registered', registeredBy: 'registrar', registeredAt: new Date(), trackingCode: `T${sequence}XXXXXXXX`.slice(0, 10) });
      return sequence;
    });
    // then it got number 2
    expect(result).toBe(2);
  });

  it('checks in a periodic pass only the numbers issued since the last, and every number in a full pass', async () => {
    // given a register whose five numbers all have an entry, checked once
    const counters = mongoose.connection.db!.collection<{ _id: string; value: number }>('counters');
    // (the other tests of this file leave registers of their own: only this one's numbers are read)
    const pass = async (full: boolean) => (await reconcileRegisters({ graceMs: 0, full })).filter((n) => n.startsWith('2033/A/'));
    for (let n = 1; n <= 5; n += 1) await recordVoid('A', 2033, n, 'test entry', 'registrar');
    await counters.updateOne({ _id: counterName('A', 2033) }, { $set: { value: 5 } }, { upsert: true });
    expect(await pass(false)).toEqual([]);
    expect(await checkedUpTo('numbers', counterName('A', 2033))).toBe(5);

    // when two more numbers are issued, one without its entry, and an old entry disappears
    await counters.updateOne({ _id: counterName('A', 2033) }, { $set: { value: 7 } });
    await recordVoid('A', 2033, 6, 'test entry', 'registrar');
    await MailModel.deleteOne({ register: 'A', year: 2033, sequence: 2 });

    // then a periodic pass voids the new one and does not read back
    expect(await pass(false)).toEqual([formatChronoNumber(2033, 'A', 7)]);
    expect(await checkedUpTo('numbers', counterName('A', 2033))).toBe(7);
    expect(await pass(false)).toEqual([]);
    // and a full pass finds the old hole
    expect(await pass(true)).toEqual([formatChronoNumber(2033, 'A', 2)]);
  });
});
