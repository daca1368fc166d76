import type { MailTimelineItemDto } from '@diwan/contracts';

/** The actions the timeline has a sentence for; any other reads as the generic one. */
const KNOWN = [
  'mail.registered',
  'mail.voided',
  'mail.drafted',
  'attachment.added',
  'receipt.issued',
  'circuit.started',
  'circuit.startFailed',
  'mail.statusChanged',
  'userTask.claimed',
  'userTask.unclaimed',
  'userTask.delegated',
  'userTask.reassigned',
  'userTask.completed',
  'deadline.reminded',
  'deadline.escalated',
  'letter.saved',
  'document.signed',
  'mail.dispatched',
  'exchange.sent',
  'exchange.received',
  'exchange.acknowledged',
  'processInstance.cancelled',
  'processInstance.moved',
  'processInstance.migrated',
  'incident.retried',
] as const;
type KnownAction = (typeof KNOWN)[number];
const isKnown = (action: string): action is KnownAction => (KNOWN as readonly string[]).includes(action);

/** Actions told in two ways: naming their object (a step, a circuit) when known (`_named`), or not. */
const NAMED_BY_CIRCUIT: readonly string[] = ['circuit.started', 'processInstance.cancelled', 'processInstance.migrated'];
const NAMED_BY_STEP: readonly string[] = ['userTask.claimed', 'userTask.unclaimed', 'userTask.delegated', 'userTask.completed', 'userTask.reassigned', 'processInstance.moved', 'incident.retried'];

/** The ways an action may go (the entry's `variant`), each with a sentence of its own (`<action>_<variant>`). */
const VARIANTS: Partial<Record<KnownAction, readonly string[]>> = {
  'mail.drafted': ['reply'],
  'document.signed': ['seal', 'registration'],
  'mail.dispatched': ['email', 'post', 'posted', 'exchange'],
  'userTask.reassigned': ['absence', 'return', 'operations'],
};

/** Sentences that have a form for what Diwan did by itself (`_auto`: "automatically"), when nobody acted. */
const AUTOMATIC: readonly string[] = [
  'mail.registered',
  'attachment.added',
  'letter.saved',
  'mail.dispatched_email',
  'mail.dispatched_exchange',
  'mail.dispatched_post',
  'mail.dispatched_posted',
  'exchange.sent',
  'unknown',
];

export interface TimelineSentence {
  /** `mail.timeline.sentences.<action>[_<variant>][OnBehalf][_named][_auto]`, or `…unknown[_auto]`. */
  key: `mail.timeline.sentences.${string}`;
  values: Record<string, string>;
}

/**
 * Which translated sentence tells an entry, and with what: people by display name, what Diwan did
 * by itself as done "automatically", the step or circuit by name. Never an id, a code or JSON.
 */
export function timelineSentence(entry: MailTimelineItemDto, diwan: string): TimelineSentence {
  const values: Record<string, string> = {
    actor: entry.actor?.displayName ?? diwan,
    person: entry.assignee?.displayName ?? '',
    absent: entry.onBehalfOf?.displayName ?? '',
    step: entry.stepName ?? '',
    circuit: entry.circuitName ?? '',
    chrono: entry.chronoNumber ?? '',
    number: entry.receiptNumber ?? '',
    filename: entry.filename ?? '',
    from: entry.from ?? '',
    to: entry.to ?? '',
    peer: entry.peerName ?? '',
    version: entry.version === undefined ? '' : String(entry.version),
  };
  const sentence = (name: string): TimelineSentence => {
    const automatic = !entry.actor && AUTOMATIC.includes(name);
    return { key: `mail.timeline.sentences.${name}${automatic ? '_auto' : ''}`, values };
  };
  const action = entry.action;
  if (!isKnown(action) || incomplete(entry)) return sentence('unknown');

  const variants = VARIANTS[action] ?? [];
  let name: string = action;
  if (entry.variant && variants.includes(entry.variant)) name += `_${entry.variant}`;
  // a signature by a substitute: "… by delegation of …" / "بالنيابة عن …" / "P.O. …"
  if ((action === 'userTask.completed' || (action === 'document.signed' && entry.variant !== 'registration')) && entry.onBehalfOf) name += 'OnBehalf';
  const named = NAMED_BY_CIRCUIT.includes(action) ? Boolean(entry.circuitName) : NAMED_BY_STEP.includes(action) && Boolean(entry.stepName);
  if (named) name += '_named';
  return sentence(name);
}

/** An entry that lacks what its sentence needs reads as the generic sentence. */
function incomplete(entry: MailTimelineItemDto): boolean {
  switch (entry.action) {
    case 'mail.statusChanged':
      return !entry.to;
    case 'userTask.delegated':
      return !entry.assignee;
    case 'userTask.reassigned':
      return !entry.assignee || !entry.variant || (entry.variant === 'absence' && !entry.onBehalfOf);
    case 'letter.saved':
      return entry.version === undefined;
    case 'document.signed':
      return entry.variant === 'registration' ? !entry.chronoNumber : !entry.actor;
    case 'mail.dispatched':
      return !entry.variant;
    case 'exchange.sent':
      return !entry.peerName;
    case 'exchange.received':
    case 'exchange.acknowledged':
      return !entry.peerName || !entry.chronoNumber;
    default:
      return false;
  }
}
