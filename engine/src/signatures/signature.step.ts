import type { SessionUser, UserTaskDto } from '@diwan/contracts';
import type { CircuitModels } from '../circuits/circuit-model.js';
import { UnprocessableError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { signatureMessage } from './signature.messages.js';

/**
 * A signature step is a user task with the Camunda property `diwan.action` = `sign`. Its
 * completion requires that the completer signed the letter in it, unless the completion sets the
 * variable named by `diwan.action.unless` to true (e.g. `returnToDrafter`: sent back unsigned).
 * `diwan.sealAllowed` = `true` lets the step be signed with the administration's seal.
 */
export const SIGN_ACTION = 'sign';
const MAIL_ID = /^[0-9a-f]{24}$/i;

export async function stepProperties(models: CircuitModels, task: Pick<UserTaskDto, 'processDefinitionId' | 'taskDefinitionKey'>): Promise<Record<string, string>> {
  return (await models.of(task.processDefinitionId)).node(task.taskDefinitionKey)?.properties ?? {};
}

export type SignedInStep = (mailId: string, userTaskId: string, username: string) => Promise<boolean>;

/** The completion guard of signature steps (UserTaskService.addCompletionGuard). */
export function signatureStepGuard(models: CircuitModels, signedInStep: SignedInStep) {
  return async (user: SessionUser, task: UserTaskDto, accepted: Record<string, unknown>, language: Language): Promise<void> => {
    const properties = await stepProperties(models, task);
    if (properties['diwan.action'] !== SIGN_ACTION) return;
    const unless = properties['diwan.action.unless']?.trim();
    if (unless && accepted[unless] === true) return;
    const mailId = task.businessKey && MAIL_ID.test(task.businessKey) ? task.businessKey : null;
    if (mailId && (await signedInStep(mailId, task.id, user.username))) return;
    const message = signatureMessage('signFirst', language);
    throw new UnprocessableError(message, { fields: [{ field: 'signature', message }] });
  };
}
