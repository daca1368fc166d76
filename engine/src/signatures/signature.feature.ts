import type { CircuitModels } from '../circuits/circuit-model.js';
import type { OutgoingRegister } from '../mail/mail.outgoing-register.js';
import type { Logger } from '../shared/logger.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { LetterSignatures, type LetterFiles } from './signature.service.js';
import { signatureStepGuard } from './signature.step.js';

/**
 * The parapheur's signatures, wired once by the server: signature steps require their signature,
 * and each registration in the outgoing register stamps the letter with its number (the seal).
 */
export function createSignatureFeature(letters: LetterFiles, userTasks: UserTaskService, models: CircuitModels, register: OutgoingRegister, logger: Logger): LetterSignatures {
  const signatures = new LetterSignatures(letters, userTasks, models, logger);
  userTasks.addCompletionGuard(signatureStepGuard(models, (mailId, taskId, username) => signatures.signedInStep(mailId, taskId, username)));
  register.onRegistered((mail) => signatures.stampRegistration(mail));
  return signatures;
}
