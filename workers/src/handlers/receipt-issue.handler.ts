import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { renderReceipt } from '../receipt/receipt.document.js';

export interface ReceiptIssueDeps {
  engine: EngineApi;
  /** Base of the public tracking page, e.g. https://diwan.example (env DIWAN_PUBLIC_URL). */
  publicUrl: string;
  timeZone?: string;
}

/**
 * `receipt.issue`: has the engine issue the receipt number (keyed by business key, so a
 * retry gets the same one), renders the bilingual PDF receipt with a QR code to the
 * tracking page, and attaches it to the mail. Idempotent: an existing receipt attachment
 * is kept, and the PDF's bytes depend only on its content, which the engine dedupes by hash.
 */
export function receiptIssueHandler(deps: ReceiptIssueDeps): TopicHandler {
  return async (task: ExternalTask) => {
    if (!task.businessKey) throw new Error('receipt.issue needs a business key on the process instance');
    const receipt = await deps.engine.issueReceipt(task.businessKey, task.processInstanceId);
    const result = { receiptNumber: receipt.number, receiptIssuedAt: receipt.issuedAt };
    const { mail } = receipt;
    if (!mail) return result; // a circuit started without a registered mail: a number, no document
    if (!mail.chronoNumber || mail.attachments.some((a) => a.role === 'receipt')) return result; // a draft has no number yet
    // A portal deposit's receipt is made and sealed by the engine at confirmation, with this same number.
    if (mail.channel === 'portal') return result;
    const pdf = await renderReceipt({
      chronoNumber: mail.chronoNumber,
      receiptNumber: receipt.number,
      receivedAt: mail.receivedAt,
      issuedAt: receipt.issuedAt,
      correspondent: mail.correspondent?.name ?? null,
      subject: mail.subject,
      trackingUrl: mail.trackingCode ? `${deps.publicUrl.replace(/\/+$/, '')}/track/${encodeURIComponent(mail.trackingCode)}` : null,
      timeZone: deps.timeZone,
    });
    const filename = `accuse-reception-${mail.chronoNumber.replaceAll('/', '-')}.pdf`;
    await deps.engine.attachToMail(mail.id, { filename, contentType: 'application/pdf', content: pdf }, 'receipt');
    return result;
  };
}
