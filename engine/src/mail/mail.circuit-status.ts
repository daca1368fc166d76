import { isValidObjectId } from 'mongoose';
import type { MailStatus, RuntimeEvent } from '@diwan/contracts';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { MailUpdates } from './mail.updates.js';

/**
 * Where a mail stands follows its circuit: the cabinet's triage done → `triaged`; an agent starts
 * processing → `in_progress`. The archive worker moves it to `closed` and `archived` at the end.
 */
export function statusAfter(event: RuntimeEvent): MailStatus | null {
  const step = event.userTask?.taskDefinitionKey;
  if (event.type === 'userTask.completed' && step === 'triage') return 'triaged';
  if (event.type === 'userTask.created' && step === 'process_mail') return 'in_progress';
  return null;
}

/** Applies a runtime event to the mail it is about, if any; a mail already further on stays. */
export async function followCircuit(updates: MailUpdates, event: RuntimeEvent): Promise<void> {
  const status = statusAfter(event);
  if (!status || !event.businessKey || !isValidObjectId(event.businessKey)) return;
  try {
    await updates.moveStatus(event.businessKey, status, event.userTask?.assignee ?? 'system');
  } catch (err) {
    if (err instanceof ConflictError || err instanceof NotFoundError) return;
    throw err;
  }
}
