import type { MailUpdates } from '../mail/mail.updates.js';
import { MailDispatches } from '../mail/mail.dispatch.js';
import type { EventBus } from '../shared/event-bus.js';
import { DispatchDocuments, type DispatchSettings } from './dispatch.documents.js';
import type { CurrentLetterPdf } from './dispatch.letter.js';

/** Dispatch of outgoing mail: the records (mail module's service) and the post's documents. */
export interface DispatchFeature {
  dispatches: MailDispatches;
  documents: DispatchDocuments;
  currentPdf: CurrentLetterPdf | null;
}

export function createDispatchFeature(bus: EventBus, updates: MailUpdates, settings: DispatchSettings, currentPdf: CurrentLetterPdf | null): DispatchFeature {
  return { dispatches: new MailDispatches(bus, updates), documents: new DispatchDocuments(settings, currentPdf), currentPdf };
}
