import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { verifyAuditLog } from '../audit/audit.service.js';
import { AuditEntryModel } from '../audit/audit.model.js';
import { MailModel } from './mail.model.js';
import { formatChronoNumber, withChronoNumber } from './mail.number.js';

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
});
