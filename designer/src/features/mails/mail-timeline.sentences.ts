import type { MailTimelineItemDto } from '@diwan/contracts';

/** The actions the timeline has a sentence for; any other reads as the generic one. */
const KNOWN = [
  'mail.registered',
  'mail.voided',
  'attachment.added',
  'receipt.issued',
  'circuit.started',
  'circuit.startFailed',
  'mail.statusChanged',
  'userTask.claimed',
  'userTask.unclaimed',
  'userTask.delegated',
  'userTask.completed',
  'deadline.reminded',
  'deadline.escalated',
] as const;
type KnownAction = (typeof KNOWN)[number];
const isKnown = (action: string): action is KnownAction => (KNOWN as readonly string[]).includes(action);

/** Actions told in two ways: naming their object (a step, a circuit) when known, or not. */
type NamedAction = 'circuit.started' | 'userTask.claimed' | 'userTask.unclaimed' | 'userTask.delegated' | 'userTask.completed';
const NAMED: readonly string[] = ['circuit.started', 'userTask.claimed', 'userTask.unclaimed', 'userTask.delegated', 'userTask.completed'] satisfies NamedAction[];

export interface TimelineSentence {
  key:
    | `mail.timeline.sentences.${KnownAction}`
    | `mail.timeline.sentences.${NamedAction}_named`
    | 'mail.timeline.sentences.userTask.completedOnBehalf'
    | 'mail.timeline.sentences.userTask.completedOnBehalf_named'
    | 'mail.timeline.sentences.unknown';
  values: Record<string, string>;
}

/**
 * Which translated sentence tells an entry, and with what: people by display name (Diwan itself
 * when nobody acted), the step or circuit by name. Never an id, a code or JSON.
 */
export function timelineSentence(entry: MailTimelineItemDto, diwan: string): TimelineSentence {
  const values: Record<string, string> = {
    actor: entry.actor?.displayName ?? diwan,
    person: entry.assignee?.displayName ?? '',
    step: entry.stepName ?? '',
    circuit: entry.circuitName ?? '',
    chrono: entry.chronoNumber ?? '',
    number: entry.receiptNumber ?? '',
    filename: entry.filename ?? '',
    from: entry.from ?? '',
    to: entry.to ?? '',
  };
  const incomplete = (entry.action === 'mail.statusChanged' && !entry.to) || (entry.action === 'userTask.delegated' && !entry.assignee);
  if (!isKnown(entry.action) || incomplete) return { key: 'mail.timeline.sentences.unknown', values };
  const named = entry.action === 'circuit.started' ? Boolean(entry.circuitName) : Boolean(entry.stepName);
  // a substitute's completion: "… by delegation of …" / "بالنيابة عن …" / "P.O. …"
  if (entry.action === 'userTask.completed' && entry.onBehalfOf) {
    return { key: named ? 'mail.timeline.sentences.userTask.completedOnBehalf_named' : 'mail.timeline.sentences.userTask.completedOnBehalf', values: { ...values, absent: entry.onBehalfOf.displayName } };
  }
  if (named && NAMED.includes(entry.action)) return { key: `mail.timeline.sentences.${entry.action as NamedAction}_named`, values };
  return { key: `mail.timeline.sentences.${entry.action}`, values };
}
