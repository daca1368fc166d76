import { z } from 'zod';
import type { MailExchangeDto } from './exchange.dto.js';

/** The mail (courrier / مراسلة) and its register, as the API accepts and serves it. */
export const MAIL_DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
export const MAIL_CHANNELS = ['counter', 'post', 'email', 'fax', 'portal', 'administration'] as const;
export const CONFIDENTIALITY_LEVELS = ['normal', 'confidential', 'secret'] as const;
export const MAIL_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const MAIL_LANGUAGES = ['ar', 'fr', 'en'] as const;
/**
 * A mail's life, in its forward order (a status never moves back; `void` stands apart).
 * `draft`: an outgoing letter being written, with no chrono number yet (it gets one at its
 * circuit's registration step). `answered`: an incoming mail whose reply left (see `diwan.replyMilestone`).
 * `void`: a chrono number was taken but the registration failed; the register keeps and explains it.
 */
export const MAIL_STATUSES = ['draft', 'registered', 'triaged', 'in_progress', 'validated', 'answered', 'closed', 'archived', 'void'] as const;
export const CORRESPONDENT_KINDS = ['citizen', 'company', 'administration'] as const;
export const LINK_KINDS = ['replyTo', 'relatedTo'] as const;

export type MailDirection = (typeof MAIL_DIRECTIONS)[number];
export type MailChannel = (typeof MAIL_CHANNELS)[number];
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];
export type MailPriority = (typeof MAIL_PRIORITIES)[number];
export type MailStatus = (typeof MAIL_STATUSES)[number];
export type CorrespondentKind = (typeof CORRESPONDENT_KINDS)[number];

/** Register code per direction: A (arrivée), D (départ), I (interne). Chrono numbers read `2026/A/000123`. */
export const REGISTER_OF_DIRECTION: Record<MailDirection, string> = { incoming: 'A', outgoing: 'D', internal: 'I' };

const code = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a department code');
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const newCorrespondentSchema = z.object({
  kind: z.enum(CORRESPONDENT_KINDS),
  name: z.string().trim().min(2).max(200),
  nationalId: z.string().trim().max(40).optional(),
  registrationNumber: z.string().trim().max(40).optional(),
  email: z.email().optional(),
  phone: z.string().regex(/^\+?[0-9 ]{6,20}$/, 'must be a phone number').optional(),
  address: z.string().trim().max(500).optional(),
  city: z.string().trim().max(100).optional(),
});

export const registerMailSchema = z.object({
  direction: z.enum(MAIL_DIRECTIONS),
  subject: z.string().trim().min(3).max(500),
  summary: z.string().trim().max(5000).optional(),
  language: z.enum(MAIL_LANGUAGES),
  channel: z.enum(MAIL_CHANNELS),
  /** An existing correspondent by id, or a new one. */
  correspondent: z.union([z.object({ id: z.string().min(1) }), newCorrespondentSchema]),
  receivedAt: isoDateTime.optional(),
  letterDate: isoDate.optional(),
  letterReference: z.string().trim().max(100).optional(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('normal'),
  priority: z.enum(MAIL_PRIORITIES).default('normal'),
  /** A mail type sets the deadline when no due date is given (see engine mail types). */
  mailType: z.string().trim().max(60).optional(),
  dueDate: isoDate.optional(),
  departments: z
    .object({ forAction: z.array(code).max(20).default([]), forInformation: z.array(code).max(20).default([]) })
    .default({ forAction: [], forInformation: [] }),
  /** Who may see a confidential or secret mail, besides the registrar who registers it. */
  namedUsers: z.array(z.string().trim().min(1)).max(50).default([]),
  links: z.array(z.object({ kind: z.enum(LINK_KINDS), mailId: z.string().min(1) })).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type RegisterMailInput = z.input<typeof registerMailSchema>;

/**
 * An outgoing letter drafted in Diwan (`POST /api/mails/drafts`): no chrono number until its
 * circuit registers it; `replyTo` links the incoming mail it answers.
 */
export const draftMailSchema = z.object({
  subject: z.string().trim().min(3).max(500),
  summary: z.string().trim().max(5000).optional(),
  language: z.enum(MAIL_LANGUAGES),
  correspondent: z.union([z.object({ id: z.string().min(1) }), newCorrespondentSchema]),
  mailType: z.string().trim().max(60).optional(),
  priority: z.enum(MAIL_PRIORITIES).default('normal'),
  dueDate: isoDate.optional(),
  replyTo: z.string().min(1).max(40).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type DraftMailInput = z.input<typeof draftMailSchema>;
export type DraftMail = z.output<typeof draftMailSchema>;
export type RegisterMail = z.output<typeof registerMailSchema>;

export interface CorrespondentDto {
  id: string;
  kind: CorrespondentKind;
  name: string;
  nationalId: string | null;
  registrationNumber: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
}

export interface AttachmentDto {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** `scan` from the registrar, `receipt` made by the worker, `reply` drafted by an agent, `citizen` sent by the citizen from the tracking page. */
  /** `received`: the letter another administration sent through the exchange, as it arrived. */
  role: 'scan' | 'receipt' | 'reply' | 'citizen' | 'received' | 'annex';
  uploadedAt: string;
  uploadedBy: string;
}

export interface MailTimelineEntry {
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export interface MailDto {
  id: string;
  /** Null while the mail is an outgoing draft (status `draft`): the number comes at registration. */
  chronoNumber: string | null;
  register: string;
  year: number;
  sequence: number | null;
  direction: MailDirection;
  subject: string;
  summary: string | null;
  language: (typeof MAIL_LANGUAGES)[number];
  channel: MailChannel;
  correspondent: CorrespondentDto | null;
  receivedAt: string;
  letterDate: string | null;
  letterReference: string | null;
  confidentiality: Confidentiality;
  priority: MailPriority;
  mailType: string | null;
  dueDate: string | null;
  departments: { forAction: string[]; forInformation: string[]; consulted: string[] };
  namedUsers: string[];
  status: MailStatus;
  voidReason: string | null;
  attachments: AttachmentDto[];
  links: { kind: (typeof LINK_KINDS)[number]; mailId: string }[];
  tags: string[];
  receipt: { number: string; issuedAt: string } | null;
  processInstanceId: string | null;
  /** The circuit the mail runs: chosen by its type (or its direction's default) at registration; version once started. */
  circuit: { key: string; version: number | null } | null;
  registeredBy: string;
  registeredAt: string;
  /** The code a correspondent tracks the mail with (GET /api/public/track/:code); null on void entries. */
  trackingCode?: string | null;
  /** The circuit start outbox: pending until the runtime accepted it. */
  circuitStart?: { state: 'pending' | 'started' | 'failed'; attempts: number; lastError: string | null } | null;
  /** An outgoing mail sent to another administration (exchange): when, and its acknowledgment. */
  exchange?: MailExchangeDto | null;
  /** Only on GET /api/mails/:id. */
  timeline?: MailTimelineEntry[];
}

export const mailQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  chronoNumber: z.string().trim().max(40).optional(),
  correspondent: z.string().trim().max(200).optional(),
  status: z.enum(MAIL_STATUSES).optional(),
  direction: z.enum(MAIL_DIRECTIONS).optional(),
  department: code.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mailType: z.string().trim().max(60).optional(),
  /** A circuit's key. */
  circuit: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/).optional(),
  /**
   * Open work as the dashboard counts it (the dashboard links here): mails with an open task, of
   * `openIn` (a task of that department) and/or `assignee` (a task of that person) when given;
   * `overdue`: the mail's deadline day has passed; `atRisk`: it falls within `riskDays` days.
   */
  work: z.enum(['open', 'overdue', 'atRisk']).optional(),
  openIn: code.optional(),
  assignee: z.string().trim().min(1).max(100).optional(),
  riskDays: z.coerce.number().int().min(1).max(60).optional(),
  sort: z.enum(['registeredAt', '-registeredAt', 'dueDate', '-dueDate', 'priority', '-priority']).default('-registeredAt'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  format: z.enum(['json', 'csv']).default('json'),
});
export type MailQuery = z.infer<typeof mailQuerySchema>;

export interface MailPage {
  items: MailDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Of a dashboard count (an open-work query), the mails left out because the caller may not open them. */
  withheld?: number;
}
