import { REGISTER_OF_DIRECTION, type MailDto, type MailTimelineEntry } from '@diwan/contracts';
import type { AuditEntry } from '../audit/audit.model.js';
import { toAttachmentDto } from '../attachments/attachment.store.js';
import type { Mail } from './mail.model.js';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function toMailDto(m: Mail, timeline?: AuditEntry[]): MailDto {
  return {
    id: String(m._id),
    chronoNumber: m.chronoNumber ?? null,
    // A draft has no number yet: its register is the one it will enter.
    register: m.chronoNumber ? m.register : REGISTER_OF_DIRECTION[m.direction],
    year: m.year,
    sequence: m.chronoNumber ? m.sequence : null,
    direction: m.direction,
    subject: m.subject,
    summary: m.summary ?? null,
    language: m.language ?? 'fr',
    channel: m.channel ?? 'counter',
    correspondent: m.correspondent ?? null,
    receivedAt: m.receivedAt.toISOString(),
    letterDate: m.letterDate ?? null,
    letterReference: m.letterReference ?? null,
    confidentiality: m.confidentiality,
    priority: m.priority,
    mailType: m.mailType ?? null,
    dueDate: m.dueDate ? isoDay(m.dueDate) : null,
    departments: { forAction: [...m.departments.forAction], forInformation: [...m.departments.forInformation], consulted: [...m.departments.consulted] },
    namedUsers: [...m.namedUsers],
    status: m.status,
    voidReason: m.voidReason ?? null,
    attachments: (m.attachments ?? []).map(toAttachmentDto),
    links: (m.links ?? []).map((l) => ({ kind: l.kind, mailId: l.mailId })),
    tags: [...(m.tags ?? [])],
    receipt: m.receipt ? { number: m.receipt.number, issuedAt: m.receipt.issuedAt.toISOString() } : null,
    processInstanceId: m.processInstanceId ?? null,
    circuit: m.circuit?.key ? { key: m.circuit.key, version: m.circuit.version ?? null } : null,
    registeredBy: m.registeredBy,
    registeredAt: m.registeredAt.toISOString(),
    trackingCode: m.status === 'void' ? null : m.trackingCode,
    circuitStart: m.circuitStart ? { state: m.circuitStart.state, attempts: m.circuitStart.attempts, lastError: m.circuitStart.lastError ?? null } : null,
    ...(m.exchange ? { exchange: toMailExchangeDto(m.exchange) } : {}),
    ...(timeline ? { timeline: timeline.map(toTimelineEntry) } : {}),
  };
}

function toTimelineEntry(e: AuditEntry): MailTimelineEntry {
  return { at: e.at.toISOString(), actor: e.actor, action: e.action, details: e.details ?? {} };
}

function toMailExchangeDto(e: NonNullable<Mail['exchange']>): NonNullable<MailDto['exchange']> {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return { peer: e.peer, peerName: e.peerName, packageId: e.packageId, sentAt: iso(e.sentAt), acknowledgedAt: iso(e.acknowledgedAt), receiverChronoNumber: e.receiverChronoNumber ?? null };
}
