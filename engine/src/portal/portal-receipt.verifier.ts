import { createHash } from 'node:crypto';
import type { PortalReceiptVerificationDto } from '@diwan/contracts';
import { signerCertificates } from '@diwan/documents';
import { listSignatures } from '@diwan/documents/signature';
import { ed25519Trailer, ed25519Valid, isSealCertificate } from './receipt.signing.js';
import { factsOf, type PortalReceipts } from './portal-receipt.service.js';

type Problem = PortalReceiptVerificationDto['problem'];
const refused = (problem: Problem): PortalReceiptVerificationDto => ({ authentic: false, problem, facts: null });

/**
 * Whether a receipt PDF is one we issued, untouched: its signature holds (PAdES by the seal's own
 * certificate, nothing appended after; or our Ed25519 key over every byte before the trailer), and
 * the file is exactly the receipt recorded for its tracking code (same sha256), whose chrono number
 * is still the mail's. Any changed byte or edited text fails one of these.
 */
export async function verifyReceipt(bytes: Buffer, receipts: PortalReceipts, receiptKeySetting: string, currentChrono: (mailId: string) => Promise<string | null>): Promise<PortalReceiptVerificationDto> {
  if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) return refused('not-a-pdf');
  if (ed25519Trailer(bytes)) {
    if (!(await ed25519Valid(bytes, receiptKeySetting))) return refused('bad-signature');
  } else {
    let reports;
    try {
      reports = await listSignatures(bytes);
    } catch {
      return refused('not-a-pdf');
    }
    if (reports.length === 0) return refused('no-signature');
    if (reports.length > 1 || reports.some((r) => !r.intact)) return refused('bad-signature');
    if (reports[0]!.modifiedAfter) return refused('modified');
    const [certificate] = await signerCertificates(bytes);
    if (!(await isSealCertificate(certificate ?? null))) return refused('unknown-signer');
  }
  const receipt = await receipts.bySha256(createHash('sha256').update(bytes).digest('hex'));
  if (!receipt) return refused('unknown-receipt');
  if ((await currentChrono(receipt.mailId)) !== receipt.chronoNumber) return refused('unknown-receipt');
  return { authentic: true, problem: null, facts: factsOf(receipt) };
}
