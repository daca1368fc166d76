import { nextCounterValue } from '../shared/counter.model.js';
import { ReceiptModel, type Receipt } from './receipt.model.js';

export interface IssueReceiptInput {
  businessKey: string;
  processInstanceId: string | null;
}

export function formatReceiptNumber(year: number, value: number): string {
  return `R/${year}/${String(value).padStart(6, '0')}`;
}

/**
 * Issues the receipt of a correspondence once: asking again for the same
 * business key (a worker retry, a redelivered task) returns the same receipt.
 */
export async function issueReceipt(input: IssueReceiptInput, now = new Date()): Promise<Receipt> {
  const existing = await ReceiptModel.findOne({ businessKey: input.businessKey }).lean();
  if (existing) return existing;
  const year = now.getUTCFullYear();
  const number = formatReceiptNumber(year, await nextCounterValue(`receipt:${year}`));
  try {
    return (await ReceiptModel.create({ ...input, number, issuedAt: now })).toObject();
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const winner = await ReceiptModel.findOne({ businessKey: input.businessKey }).lean();
    if (!winner) throw err;
    return winner;
  }
}
