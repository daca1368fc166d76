import { createHash } from 'node:crypto';
import { Types, isValidObjectId } from 'mongoose';
import { registerMailSchema, type CorrespondentDto, type MailDto, type RegisterMail, type SessionUser } from '@diwan/contracts';
import { canonicalJson } from '../audit/audit.chain.js';
import { deleteFiles, storeFiles, type StoredAttachment } from '../attachments/attachment.store.js';
import type { UploadedFile } from '../attachments/attachment.upload.js';
import { findCorrespondent, findOrCreateCorrespondent } from '../correspondents/correspondent.service.js';
import { unknownDepartments } from '../departments/department.routes.js';
import { searchTextOf } from '../search/normalize.js';
import { UnprocessableError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { validate } from '../shared/validate.js';
import { unknownUsers } from '../users/user.routes.js';
import { toMailDto } from './mail.dto.js';
import type { EventBus } from '../shared/event-bus.js';
import { claimIdempotencyKey, releaseIdempotencyKey } from './mail.idempotency.js';
import { MailModel, PRIORITY_RANK, type CircuitStart, type Mail } from './mail.model.js';
import { newTrackingCode, withChronoNumber } from './mail.number.js';
import type { MailTypeBinding, MailTypeService } from '../mail-types/mail-type.service.js';
import { dueDateFor } from './mail.types.js';
import { maySeeMail } from './mail.visibility.js';

export interface RegistrationResult {
  mail: MailDto;
  replayed: boolean;
}

type Problem = { field: string; message: string };

/** The circuit-start outbox's way for a mail registered on this node (see CircuitStarter). */
export interface CircuitHandOver {
  /** The `circuitStart` a mail is inserted with: pending, under this node's lease. */
  registeredState(at: Date): CircuitStart;
  /** Starts its circuit, in the background, once the mail is written. */
  startRegistered(mail: Mail, registrarDepartments: string[]): void;
}

/**
 * Registers a mail: validate everything, store the files, take the chrono
 * number, write the mail, audit, publish, and hand the circuit start to the outbox.
 * Nothing is written for bad input; a failure after the number leaves a void entry.
 */
export class MailRegistration {
  constructor(
    private readonly bus: EventBus,
    private readonly mailTypes: MailTypeService,
    private readonly circuits: CircuitHandOver,
    private readonly logger: Logger,
  ) {}

  /** `filesRole`: what the files are; a letter that came through the exchange is `received`, else they are the paper's scans. */
  async register(user: SessionUser, raw: unknown, files: UploadedFile[], idempotencyKey?: string, filesRole: 'scan' | 'received' = 'scan'): Promise<RegistrationResult> {
    const input = validate(registerMailSchema, raw, 'mail');
    const { correspondent: existingCorrespondent, binding } = await this.checkReferences(user, input);
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();

    const bodyHash = createHash('sha256').update(canonicalJson({ input, files: files.map((f) => [f.filename, f.sha256]) })).digest('hex');
    let mailId = new Types.ObjectId();
    if (idempotencyKey) {
      const claim = await claimIdempotencyKey(user.username, idempotencyKey, bodyHash, String(mailId), { mailExists: async (id) => (await MailModel.exists({ _id: id })) !== null });
      if (claim.state === 'replay') {
        const mail = await MailModel.findById(claim.mailId).lean();
        if (mail) return { mail: toMailDto(mail), replayed: true };
      }
      // A retry that took over a crashed request's lease registers under the id that request chose.
      mailId = new Types.ObjectId(claim.mailId);
    }

    let stored: StoredAttachment[] = [];
    try {
      stored = await storeFiles(files, { mailId: String(mailId), role: filesRole, uploadedBy: user.username });
      const correspondent = existingCorrespondent ?? (await findOrCreateCorrespondent(input.correspondent as Exclude<RegisterMail['correspondent'], { id: string }>));
      const registeredAt = new Date();
      const mail = await withChronoNumber(input.direction, registeredAt.getUTCFullYear(), user.username, async (sequence, chronoNumber) => {
        const doc = buildMail(input, { mailId, sequence, chronoNumber, registeredAt, receivedAt, correspondent, stored, user, binding, circuitStart: this.circuits.registeredState(registeredAt) });
        try {
          return (await MailModel.create(doc)).toObject();
        } catch (err) {
          // A retried write (the driver's retryable writes) may meet its own first success.
          const mine = (err as { code?: number }).code === 11000 ? await MailModel.findById(mailId).lean() : null;
          if (mine?.sequence === sequence) return mine;
          throw err;
        }
      });
      // (The key is not marked complete here: the mail under its planned id is the proof, and the
      // first retry that finds it marks the key, which saves a write on every registration.)
      // Audited and published by the bus's subscribers; its circuit started once it is audited.
      const dto = toMailDto(mail);
      try {
        await this.bus.emit('mail.registered', dto);
      } finally {
        this.circuits.startRegistered(mail, user.departments);
      }
      return { mail: dto, replayed: false };
    } catch (err) {
      if (!(await MailModel.exists({ _id: mailId }))) {
        await deleteFiles(stored.map((s) => s.id));
        if (idempotencyKey) await releaseIdempotencyKey(user.username, idempotencyKey).catch(() => undefined);
      }
      this.logger.warn({ err: (err as Error).message }, 'registration failed');
      throw err;
    }
  }

  /** Every reference the input makes must exist (and, for linked mails, be visible): else 422 naming the fields. */
  private async checkReferences(user: SessionUser, input: RegisterMail): Promise<{ correspondent: CorrespondentDto | null; binding: MailTypeBinding }> {
    const problems: Problem[] = [];
    const { forAction, forInformation } = input.departments;
    const unknownDepts = new Set(await unknownDepartments([...new Set([...forAction, ...forInformation])]));
    forAction.forEach((c, i) => unknownDepts.has(c) && problems.push({ field: `departments.forAction.${i}`, message: `unknown department ${c}` }));
    forInformation.forEach((c, i) => unknownDepts.has(c) && problems.push({ field: `departments.forInformation.${i}`, message: `unknown department ${c}` }));
    const missingUsers = new Set(await unknownUsers(input.namedUsers));
    input.namedUsers.forEach((u, i) => missingUsers.has(u) && problems.push({ field: `namedUsers.${i}`, message: `unknown user ${u}` }));
    let correspondent: CorrespondentDto | null = null;
    if ('id' in input.correspondent) {
      correspondent = await findCorrespondent(input.correspondent.id);
      if (!correspondent) problems.push({ field: 'correspondent.id', message: `unknown correspondent ${input.correspondent.id}` });
    }
    for (const [i, link] of input.links.entries()) {
      const target = isValidObjectId(link.mailId) && /^[0-9a-f]{24}$/i.test(link.mailId) ? await MailModel.findById(link.mailId).lean() : null;
      if (!target || target.status === 'void' || !(await maySeeMail(user, target))) problems.push({ field: `links.${i}.mailId`, message: `unknown mail ${link.mailId}` });
    }
    const binding = await this.mailTypes.bindingFor(input.direction, input.mailType);
    if (!binding) problems.push({ field: 'mailType', message: `no active ${input.direction} mail type ${input.mailType}` });
    if (input.direction === 'internal' && forAction.length === 0) problems.push({ field: 'departments.forAction', message: 'an internal mail needs the department it is sent to' });
    if (input.receivedAt && new Date(input.receivedAt).getTime() > Date.now() + 5 * 60_000) problems.push({ field: 'receivedAt', message: 'is in the future' });
    if (input.dueDate && input.receivedAt && input.dueDate < input.receivedAt.slice(0, 10)) problems.push({ field: 'dueDate', message: 'is before receivedAt' });
    if (problems.length || !binding) throw new UnprocessableError(`Invalid mail: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { fields: problems });
    return { correspondent, binding };
  }
}

interface BuildContext {
  mailId: Types.ObjectId;
  sequence: number;
  chronoNumber: string;
  registeredAt: Date;
  receivedAt: Date;
  correspondent: CorrespondentDto;
  stored: StoredAttachment[];
  user: SessionUser;
  binding: MailTypeBinding;
  circuitStart: CircuitStart;
}

function buildMail(input: RegisterMail, c: BuildContext) {
  const dueDate = dueDateFor(input.dueDate, c.binding.dueDays, c.receivedAt);
  const [, register] = c.chronoNumber.split('/');
  return {
    _id: c.mailId,
    chronoNumber: c.chronoNumber,
    register,
    year: c.registeredAt.getUTCFullYear(),
    sequence: c.sequence,
    direction: input.direction,
    subject: input.subject,
    summary: input.summary ?? null,
    language: input.language,
    channel: input.channel,
    correspondent: c.correspondent,
    receivedAt: c.receivedAt,
    letterDate: input.letterDate ?? null,
    letterReference: input.letterReference ?? null,
    confidentiality: input.confidentiality,
    priority: input.priority,
    priorityRank: PRIORITY_RANK[input.priority],
    mailType: input.mailType ?? null,
    dueDate,
    departments: { forAction: input.departments.forAction, forInformation: input.departments.forInformation, consulted: [] },
    namedUsers: input.namedUsers.map((u) => u.toLowerCase()),
    status: 'registered' as const,
    attachments: c.stored,
    links: input.links,
    tags: input.tags,
    registeredBy: c.user.username,
    registeredAt: c.registeredAt,
    trackingCode: newTrackingCode(),
    // Every mail runs a circuit: its type's, or its direction's default; the outbox starts it.
    circuit: { key: c.binding.circuitKey, version: null },
    circuitStart: c.circuitStart,
    searchText: searchTextOf(c.chronoNumber, input.subject, input.summary, c.correspondent.name, input.letterReference),
    correspondentSearchText: searchTextOf(c.correspondent.name),
  };
}
