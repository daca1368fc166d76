import { MAIL_STATUSES, type MailDto, type MailStatus } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import { deleteFiles, storeFile } from '../attachments/attachment.store.js';
import type { UploadedFile } from '../attachments/attachment.upload.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { toMailDto } from './mail.dto.js';
import type { EventBus } from '../shared/event-bus.js';
import { MailModel, type Mail } from './mail.model.js';

/** The forward order of a mail's life (the contract's order, `void` apart); a status never moves back. */
const STATUS_ORDER: MailStatus[] = MAIL_STATUSES.filter((s) => s !== 'void');
const OBJECT_ID = /^[0-9a-f]{24}$/i;

async function mailById(id: string): Promise<Mail> {
  const mail = OBJECT_ID.test(id) ? await MailModel.findById(id).lean() : null;
  if (!mail || mail.status === 'void') throw new NotFoundError(`No mail ${id}`);
  return mail;
}

/** Changes made by the circuit's workers (and the receipt issuance) to a registered mail. */
export class MailUpdates {
  constructor(private readonly bus: EventBus) {}

  async get(id: string): Promise<MailDto> {
    return toMailDto(await mailById(id));
  }

  /** Moves the status forward (same status: no change); emits `mail.statusChanged` (audited) and `mail.updated`. */
  async moveStatus(id: string, status: MailStatus, actor: string, where: { activityId: string | null; activityName: string | null } = { activityId: null, activityName: null }): Promise<MailDto> {
    const mail = await mailById(id);
    const from = STATUS_ORDER.indexOf(mail.status);
    const to = STATUS_ORDER.indexOf(status);
    if (to < 0) throw new ConflictError(`A mail cannot be moved to ${status}`);
    if (to === from) return toMailDto(mail);
    if (to < from) throw new ConflictError(`Mail ${mail.chronoNumber} is ${mail.status}; it cannot go back to ${status}`);
    const updated = await MailModel.findOneAndUpdate({ _id: mail._id, status: mail.status }, { $set: { status } }, { returnDocument: 'after', lean: true });
    if (!updated) return this.moveStatus(id, status, actor, where); // changed meanwhile: decide again
    await this.bus.emit('mail.statusChanged', { mailId: id, from: mail.status, to: status, actor, ...where });
    return this.publish(updated);
  }

  /**
   * Adds a file to a mail; the same mail, role and content give back the same attachment. The file is
   * stored first and added only where the mail lacks it (no read before: one command fewer for each
   * receipt); a retry's copy, or one for no mail, is deleted again.
   */
  async addAttachment(id: string, file: UploadedFile, role: 'receipt' | 'reply' | 'citizen' | 'annex', actor: string): Promise<{ mail: MailDto; created: boolean }> {
    if (!OBJECT_ID.test(id)) throw new NotFoundError(`No mail ${id}`);
    const stored = await storeFile(file, { mailId: id, role, uploadedBy: actor });
    const updated = await MailModel.findOneAndUpdate(
      { _id: id, status: { $ne: 'void' }, $nor: [{ attachments: { $elemMatch: { role, sha256: file.sha256 } } }] },
      { $push: { attachments: stored } },
      { returnDocument: 'after', lean: true },
    );
    if (!updated) {
      await deleteFiles([stored.id]); // the mail has it already (a retry), or there is no such mail (404)
      return { mail: toMailDto(await mailById(id)), created: false };
    }
    await record({ actor, action: 'attachment.added', mailId: id, details: { attachmentId: stored.id, filename: stored.filename, sha256: stored.sha256, role } });
    return { mail: await this.publish(updated), created: true };
  }

  /**
   * Records the receipt on the mail it was issued for (business key = mail id), and answers that
   * mail (null for another business key, or no such mail).
   */
  async recordReceipt(businessKey: string, receipt: { number: string; issuedAt: Date }): Promise<MailDto | null> {
    if (!OBJECT_ID.test(businessKey)) return null;
    const updated = await MailModel.findOneAndUpdate({ _id: businessKey, receipt: null }, { $set: { receipt } }, { returnDocument: 'after', lean: true });
    if (!updated) {
      // recorded already (a retry)
      const mail = await MailModel.findById(businessKey).lean();
      return mail && mail.status !== 'void' ? toMailDto(mail) : null;
    }
    await record({ actor: 'system', action: 'receipt.issued', mailId: businessKey, details: { number: receipt.number } });
    const dto = await this.publish(updated);
    return updated.status === 'void' ? null : dto;
  }

  private async publish(mail: Mail): Promise<MailDto> {
    const dto = toMailDto(mail);
    await this.bus.emit('mail.updated', dto);
    return dto;
  }
}
