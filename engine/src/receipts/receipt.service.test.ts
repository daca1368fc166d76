import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { stack, uniqueKey } from '../../../tests/harness/stack.js';
import { ReceiptModel } from './receipt.model.js';
import { formatReceiptNumber, issueReceipt } from './receipt.service.js';

describe('issuing receipts', () => {
  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri, { dbName: uniqueKey('receipts') });
    await ReceiptModel.syncIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('formats numbers per year with six digits', () => {
    expect(formatReceiptNumber(2026, 42)).toBe('R/2026/000042');
  });

  it('returns the same receipt when asked again for the same correspondence', async () => {
    const first = await issueReceipt({ businessKey: 'mail-1', processInstanceId: 'pi-1' });
    const again = await issueReceipt({ businessKey: 'mail-1', processInstanceId: 'pi-1' });
    expect(again.number).toBe(first.number);
  });

  it('issues one receipt per correspondence under concurrent retries', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => issueReceipt({ businessKey: 'mail-2', processInstanceId: 'pi-2' })));
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(await ReceiptModel.countDocuments({ businessKey: 'mail-2' })).toBe(1);
  });
});
