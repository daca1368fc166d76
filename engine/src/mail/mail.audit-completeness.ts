import type { AuditAction, MissingAuditEntryDto } from '@diwan/contracts';
import { mailIdsWithAction } from '../audit/audit.service.js';
import { MailModel } from './mail.model.js';

/**
 * What every mail's life must have left in the audit log: its registration (or its voiding), and
 * the start of its circuit once started. Answers the entries that are missing.
 */
export async function missingMailAuditEntries(settleMs = 30_000): Promise<MissingAuditEntryDto[]> {
  // A registration in flight writes its mail just before its entry: judge those a moment later.
  const settled = new Date(Date.now() - settleMs);
  const [registered, voided, started, drafted] = await Promise.all([
    mailIdsWithAction('mail.registered'),
    mailIdsWithAction('mail.voided'),
    mailIdsWithAction('circuit.started'),
    mailIdsWithAction('mail.drafted'),
  ]);
  const missing: MissingAuditEntryDto[] = [];
  const cursor = MailModel.find({ registeredAt: { $lte: settled } }, { chronoNumber: 1, status: 1, circuitStart: 1 }).lean().cursor();
  for await (const mail of cursor) {
    const id = String(mail._id);
    const need = (action: AuditAction, has: Set<string>) => !has.has(id) && missing.push({ mailId: id, chronoNumber: mail.chronoNumber ?? '', action });
    if (mail.status === 'void') need('mail.voided', voided);
    else if (mail.chronoNumber === null) need('mail.drafted', drafted);
    else need('mail.registered', registered);
    if (mail.circuitStart?.state === 'started') need('circuit.started', started);
  }
  return missing;
}
