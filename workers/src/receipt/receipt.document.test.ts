import { describe, expect, it } from '@jest/globals';
import { PDFParse } from 'pdf-parse';
import { renderReceipt, type ReceiptContent } from './receipt.document.js';

const content: ReceiptContent = {
  chronoNumber: '2026/A/000123',
  receiptNumber: 'R/2026/000045',
  receivedAt: '2026-03-02T09:15:00Z',
  issuedAt: '2026-03-02T09:15:04Z',
  correspondent: 'محمد بن علي',
  subject: 'طلب رخصة بناء بالقطعة عدد 12 بحي النصر (Tunis)',
  trackingUrl: 'http://localhost:3000/track/AB12CD34',
};

describe('the bilingual receipt', () => {
  it('is a one-page PDF that names the chrono number, the receipt number, the date and the tracking page', async () => {
    // given a mail's receipt content / when it is rendered
    const pdf = await renderReceipt(content);
    // then it is a PDF whose text carries the numbers and both languages' labels
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parsed = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    expect(parsed.total).toBe(1);
    for (const text of ['2026/A/000123', 'R/2026/000045', '02/03/2026 10:15', 'http://localhost:3000/track/AB12CD34', 'Accusé de réception', 'Correspondant']) {
      expect(parsed.text).toContain(text);
    }
    expect(parsed.text).toMatch(/[\u0600-\u06FF]/);
  });

  it('renders the same bytes for the same content, so a retried upload is recognised', async () => {
    // given the same receipt rendered twice / then the bytes are identical
    expect(Buffer.compare(await renderReceipt(content), await renderReceipt(content))).toBe(0);
  });
});
