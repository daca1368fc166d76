import { Types, isValidObjectId } from 'mongoose';
import { draftMailSchema, type CorrespondentDto, type DraftMail, type MailDto, type SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import { findCorrespondent, findOrCreateCorrespondent } from '../correspondents/correspondent.service.js';
import type { MailTypeBinding, MailTypeService } from '../mail-types/mail-type.service.js';
import { searchTextOf } from '../search/normalize.js';
import { nextCounterValue } from '../shared/counter.model.js';
import { NotAllowedError, UnprocessableError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import { toMailDto } from './mail.dto.js';
import { enqueueCircuitStart } from './mail.start-queue.js';
import { MailModel, PRIORITY_RANK } from './mail.model.js';
import { newTrackingCode } from './mail.number.js';
import { dueDateFor } from './mail.types.js';
import { maySeeMail } from './mail.visibility.js';

type Problem = { field: string; message: string };

/** The placeholder register of drafts (never a register of the administration; see Mail.chronoNumber). */
export const DRAFT_REGISTER = 'draft';

/**
 * Drafting an outgoing letter in Diwan: the mail exists from now on, with status `draft` and no
 * chrono number; it leaves from the drafter's department, and runs its type's circuit (or the
 * outgoing default), which registers it (number) after its visas and signature.
 */
export class MailDrafting {
  constructor(
    private readonly mailTypes: MailTypeService,
    private readonly kickCircuitStart: () => void,
  ) {}

  async draft(user: SessionUser, raw: unknown): Promise<MailDto> {
    const input = validate(draftMailSchema, raw, 'draft');
    const department = user.departments[0];
    if (!department) throw new NotAllowedError('Only the staff of a department draft letters');
    const { correspondent: existing, binding, replyTo } = await this.checkReferences(user, input);
    const correspondent = existing ?? (await findOrCreateCorrespondent(input.correspondent as Exclude<DraftMail['correspondent'], { id: string }>));
    const now = new Date();
    const mailId = new Types.ObjectId();
    const doc = {
      _id: mailId,
      chronoNumber: null,
      register: DRAFT_REGISTER,
      year: now.getUTCFullYear(),
      // Unique placeholder for the register's unique index; not a chrono number.
      sequence: await nextCounterValue('draft-placeholders'),
      direction: 'outgoing' as const,
      subject: input.subject,
      summary: input.summary ?? null,
      language: input.language,
      channel: null,
      correspondent,
      receivedAt: now,
      letterDate: null,
      letterReference: null,
      confidentiality: 'normal' as const,
      priority: input.priority,
      priorityRank: PRIORITY_RANK[input.priority],
      mailType: input.mailType ?? null,
      dueDate: dueDateFor(input.dueDate, binding.dueDays, now),
      // The letter leaves from the drafter's department (the circuit's originDepartment).
      departments: { forAction: [department], forInformation: [], consulted: [] },
      namedUsers: [],
      status: 'draft' as const,
      attachments: [],
      links: replyTo ? [{ kind: 'replyTo' as const, mailId: replyTo }] : [],
      tags: input.tags,
      registeredBy: user.username,
      registeredAt: now,
      trackingCode: newTrackingCode(),
      circuit: { key: binding.circuitKey, version: null },
      circuitStart: { state: 'pending' as const, attempts: 0, lastError: null, nextAttemptAt: now, lockedUntil: null },
      searchText: searchTextOf(input.subject, input.summary, correspondent.name),
      correspondentSearchText: searchTextOf(correspondent.name),
    };
    await enqueueCircuitStart(String(mailId), now);
    const mail = (await MailModel.create(doc)).toObject();
    await record({ actor: user.username, action: 'mail.drafted', mailId: String(mailId), details: { department, replyTo: replyTo ?? null, circuit: binding.circuitKey } });
    this.kickCircuitStart();
    return toMailDto(mail);
  }

  private async checkReferences(user: SessionUser, input: DraftMail): Promise<{ correspondent: CorrespondentDto | null; binding: MailTypeBinding; replyTo: string | null }> {
    const problems: Problem[] = [];
    let correspondent: CorrespondentDto | null = null;
    if ('id' in input.correspondent) {
      correspondent = await findCorrespondent(input.correspondent.id);
      if (!correspondent) problems.push({ field: 'correspondent.id', message: `unknown correspondent ${input.correspondent.id}` });
    }
    let replyTo: string | null = null;
    if (input.replyTo) {
      const target = isValidObjectId(input.replyTo) && /^[0-9a-f]{24}$/i.test(input.replyTo) ? await MailModel.findById(input.replyTo).lean() : null;
      if (!target || target.status === 'void' || target.direction !== 'incoming' || !(await maySeeMail(user, target))) problems.push({ field: 'replyTo', message: `no incoming mail ${input.replyTo} that you may see` });
      else replyTo = String(target._id);
    }
    const binding = await this.mailTypes.bindingFor('outgoing', input.mailType);
    if (!binding) problems.push({ field: 'mailType', message: `no active outgoing mail type ${input.mailType}` });
    if (problems.length || !binding) throw new UnprocessableError(`Invalid draft: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { fields: problems });
    return { correspondent, binding, replyTo };
  }
}
