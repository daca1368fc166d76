import { RUNTIME_EVENT_TYPES, type RuntimeEventType } from '@diwan/contracts';

/** A dead letter as `GET /api/admin/dead-letters` serves it (engine/src/realtime/dead-letter.service.ts). */
export interface DeadLetterDto {
  id: string;
  node: string;
  type: string | null;
  reason: string;
  receivedAt: string;
  deliveries: number;
}

/**
 * Why the engine set an event aside, as a kind people can read (the engine's reason stays
 * available, folded, for whoever fixes it), from the three ways the event handler refuses
 * (engine/src/realtime/runtime-event.handler.ts): it could not be applied, it lacked a part the
 * schema can't require, or it did not match the schema at all.
 */
export type DeadLetterKind = 'notApplied' | 'incomplete' | 'malformed';

export function kindOf(reason: string): DeadLetterKind {
  if (reason.startsWith('could not be applied')) return 'notApplied';
  if (/ without its /.test(reason)) return 'incomplete';
  return 'malformed';
}

/** The event's own type when it is one the bridge sends (named in words), else null ("an unknown event"). */
export function knownType(type: string | null): RuntimeEventType | null {
  return (RUNTIME_EVENT_TYPES as readonly string[]).includes(type ?? '') ? (type as RuntimeEventType) : null;
}
