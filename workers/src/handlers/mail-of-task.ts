import type { ExternalTask } from 'camunda-external-task-client-js';

/**
 * The registered mail a circuit instance is about: the `mailId` variable the engine starts
 * incoming-mail with. Null for an instance started without a mail (a bare circuit start).
 */
export function mailIdOf(task: ExternalTask): string | null {
  const id = task.variables.get('mailId');
  return typeof id === 'string' && id.length > 0 ? id : null;
}
