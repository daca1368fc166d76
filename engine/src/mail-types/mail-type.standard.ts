import type { CircuitDefaultsDto, MailTypeInput } from '@diwan/contracts';

/** The standard circuits, one per direction: the defaults until an admin chooses others. */
export const STANDARD_CIRCUIT_DEFAULTS: CircuitDefaultsDto = { incoming: 'incoming-mail', outgoing: 'outgoing-mail', internal: 'internal-mail' };

/**
 * The mail types every administration starts with, and their usual or legal time to answer.
 * They are data: admins change them, add others, or bind them to their own circuits.
 */
export const STANDARD_MAIL_TYPES: MailTypeInput[] = [
  { code: 'default', direction: 'incoming', dueDays: 15, circuitKey: null, active: true, label: { ar: 'مراسلة عادية', fr: 'Courrier ordinaire', en: 'Ordinary mail' } },
  // Complaints run the ombudsman-style circuit (processes/citizen-complaint.bpmn).
  { code: 'complaint', direction: 'incoming', dueDays: 30, circuitKey: 'citizen-complaint', active: true, label: { ar: 'شكاية', fr: 'Réclamation', en: 'Complaint' } },
  // Tunisia, organic law 2016-22 on access to information: 20 days.
  { code: 'information-request', direction: 'incoming', dueDays: 20, circuitKey: null, active: true, label: { ar: 'مطلب نفاذ إلى المعلومة', fr: "Demande d'accès à l'information", en: 'Information request' } },
  { code: 'administrative-request', direction: 'incoming', dueDays: 15, circuitKey: null, active: true, label: { ar: 'طلب إداري', fr: 'Demande administrative', en: 'Administrative request' } },
  { code: 'invitation', direction: 'incoming', dueDays: 7, circuitKey: null, active: true, label: { ar: 'دعوة', fr: 'Invitation', en: 'Invitation' } },
  { code: 'reply', direction: 'outgoing', dueDays: 7, circuitKey: null, active: true, label: { ar: 'جواب', fr: 'Réponse', en: 'Reply' } },
  { code: 'outgoing-letter', direction: 'outgoing', dueDays: 10, circuitKey: null, active: true, label: { ar: 'مراسلة صادرة', fr: 'Courrier départ', en: 'Outgoing letter' } },
  { code: 'note', direction: 'internal', dueDays: 7, circuitKey: null, active: true, label: { ar: 'مذكرة داخلية', fr: 'Note interne', en: 'Internal note' } },
];
