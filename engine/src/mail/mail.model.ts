import { Schema, model, type Types } from 'mongoose';
import {
  CONFIDENTIALITY_LEVELS,
  MAIL_CHANNELS,
  MAIL_DIRECTIONS,
  MAIL_LANGUAGES,
  MAIL_PRIORITIES,
  MAIL_STATUSES,
  type Confidentiality,
  type CorrespondentDto,
  type MailChannel,
  type MailDirection,
  type MailPriority,
  type MailStatus,
} from '@diwan/contracts';
import type { StoredAttachment } from '../attachments/attachment.store.js';

/** The circuit start outbox: a mail waits here until the runtime has started its circuit. */
export interface CircuitStart {
  state: 'pending' | 'started' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  /** A lease, so that only one engine node tries at a time. */
  lockedUntil: Date | null;
  /** Set with the lease, before the runtime is asked: a start that crashed may have left an instance. */
  tried?: boolean;
}

/** What an outgoing mail keeps of its exchange with another administration. */
export interface MailExchange {
  peer: string;
  peerName: { ar: string; fr: string };
  packageId: string;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
  receiverChronoNumber: string | null;
}

/**
 * A mail (courrier / مراسلة) in its register. A `void` entry holds a chrono number
 * that was taken but not used, with the reason, and nothing else.
 */
export interface Mail {
  _id: Types.ObjectId;
  /**
   * Null while the mail is an outgoing draft. A draft's `register` is `draft` and its `sequence`
   * a draft counter's value: a placeholder that keeps the register's unique index, never a number.
   */
  chronoNumber: string | null;
  register: string;
  year: number;
  sequence: number;
  direction: MailDirection;
  subject: string;
  summary: string | null;
  language: (typeof MAIL_LANGUAGES)[number] | null;
  channel: MailChannel | null;
  correspondent: CorrespondentDto | null;
  receivedAt: Date;
  letterDate: string | null;
  letterReference: string | null;
  confidentiality: Confidentiality;
  priority: MailPriority;
  priorityRank: number;
  mailType: string | null;
  dueDate: Date | null;
  departments: { forAction: string[]; forInformation: string[]; consulted: string[] };
  namedUsers: string[];
  status: MailStatus;
  voidReason: string | null;
  attachments: StoredAttachment[];
  links: { kind: 'replyTo' | 'relatedTo'; mailId: string }[];
  tags: string[];
  receipt: { number: string; issuedAt: Date } | null;
  processInstanceId: string | null;
  /** The circuit the mail runs (from its type, or its direction's default); version once started. */
  circuit: { key: string; version: number | null } | null;
  circuitStart: CircuitStart | null;
  /** An outgoing mail sent to another administration (exchange/), with its acknowledgment. */
  exchange?: MailExchange | null;
  registeredBy: string;
  registeredAt: Date;
  trackingCode: string;
  searchText: string;
  correspondentSearchText: string;
  updatedAt: Date;
}

const attachmentSchema = new Schema<StoredAttachment>(
  {
    id: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    role: { type: String, enum: ['scan', 'receipt', 'reply', 'citizen', 'received', 'annex'], required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: String, required: true },
  },
  { _id: false },
);

const mailSchema = new Schema<Mail>(
  {
    chronoNumber: { type: String, default: null },
    register: { type: String, required: true },
    year: { type: Number, required: true },
    sequence: { type: Number, required: true },
    direction: { type: String, enum: MAIL_DIRECTIONS, required: true },
    subject: { type: String, required: true },
    summary: { type: String, default: null },
    language: { type: String, enum: [...MAIL_LANGUAGES, null], default: null },
    channel: { type: String, enum: [...MAIL_CHANNELS, null], default: null },
    correspondent: { type: Schema.Types.Mixed, default: null },
    receivedAt: { type: Date, required: true, index: true },
    letterDate: { type: String, default: null },
    letterReference: { type: String, default: null },
    confidentiality: { type: String, enum: CONFIDENTIALITY_LEVELS, default: 'normal' },
    priority: { type: String, enum: MAIL_PRIORITIES, default: 'normal' },
    priorityRank: { type: Number, default: 1 },
    mailType: { type: String, default: null },
    dueDate: { type: Date, default: null },
    departments: {
      forAction: { type: [String], default: [] },
      forInformation: { type: [String], default: [] },
      consulted: { type: [String], default: [] },
    },
    namedUsers: { type: [String], default: [] },
    status: { type: String, enum: MAIL_STATUSES, required: true, index: true },
    voidReason: { type: String, default: null },
    attachments: { type: [attachmentSchema], default: [] },
    links: { type: [{ _id: false, kind: String, mailId: String }], default: [] },
    tags: { type: [String], default: [] },
    receipt: { type: new Schema({ number: String, issuedAt: Date }, { _id: false }), default: null },
    processInstanceId: { type: String, default: null },
    circuit: { type: new Schema({ key: String, version: Number }, { _id: false }), default: null },
    circuitStart: {
      type: new Schema<CircuitStart>({ state: String, attempts: Number, lastError: String, nextAttemptAt: Date, lockedUntil: Date, tried: Boolean }, { _id: false }),
      default: null,
    },
    exchange: { type: Schema.Types.Mixed, default: null },
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true, index: true },
    trackingCode: { type: String, required: true, unique: true },
    searchText: { type: String, default: '' },
    correspondentSearchText: { type: String, default: '' },
  },
  { timestamps: { createdAt: false, updatedAt: true }, versionKey: false, minimize: false },
);
// Gapless and unique: one document per number of a register and year.
mailSchema.index({ register: 1, year: 1, sequence: 1 }, { unique: true });
mailSchema.index({ 'circuitStart.state': 1, 'circuitStart.nextAttemptAt': 1 });

export const MailModel = model<Mail>('Mail', mailSchema, 'mails');

export const PRIORITY_RANK: Record<MailPriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
