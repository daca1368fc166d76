import type { CitizenAnswerDto } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { UploadedFile } from '../attachments/attachment.upload.js';
import type { CircuitModels } from '../circuits/circuit-model.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { ConflictError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { CitizenAnswerModel, type CitizenAnswer } from './citizen-answer.model.js';
import { waitingCitizenRequest } from './citizen-request.js';
import { say } from './tracking.messages.js';

/** A claim older than this was left by a crashed request: another one may take it over. */
const LEASE_MS = 30_000;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/**
 * The citizen's answer to what a circuit asks (from the tracking page): stored on the mail (text
 * in the audit trail, files as attachments with role `citizen`), then the waiting step's message
 * is correlated (business key = mail id, the message name its step declares). Exactly once per
 * wait: the claim is the runtime's event subscription id; a client's retry with the same
 * Idempotency-Key gets the first answer back.
 */
export class CitizenAnswerService {
  constructor(
    private readonly runtime: RuntimeClient,
    private readonly models: CircuitModels,
    private readonly updates: MailUpdates,
  ) {}

  async answer(mailId: string, input: { text: string; files: UploadedFile[]; idempotencyKey: string | null }, language: Language): Promise<{ dto: CitizenAnswerDto; replayed: boolean }> {
    const keyId = input.idempotencyKey ? `key:${mailId}:${input.idempotencyKey}` : null;
    if (keyId) {
      const replay = await this.replayOf(keyId);
      if (replay) return { dto: replay, replayed: true };
    }
    const waiting = await waitingCitizenRequest(this.runtime, this.models, mailId);
    if (!waiting) throw new ConflictError(say(language, 'nothingRequested'));
    await this.claim(waiting.subscriptionId, mailId, new Date(waiting.since), input.idempotencyKey, language);

    for (const file of input.files) await this.updates.addAttachment(mailId, file, 'citizen', 'citizen');
    await this.runtime.correlateMessage({
      messageName: waiting.messageName,
      businessKey: mailId,
      processInstanceId: waiting.processInstanceId,
      processVariables: { citizenAnswer: { value: input.text, type: 'String' }, citizenAnswerFiles: { value: input.files.length, type: 'Long' } },
    });
    const answeredAt = new Date();
    await CitizenAnswerModel.updateOne({ _id: waiting.subscriptionId }, { $set: { state: 'correlated', answeredAt, files: input.files.length } });
    // the text is the citizen's own words: kept in the audit trail (shown to staff), never to other citizens
    await record({
      actor: 'citizen',
      action: 'citizen.answered',
      mailId,
      details: { requestedAt: waiting.since, text: input.text, files: input.files.map((f) => f.filename) },
    });
    if (keyId) await CitizenAnswerModel.updateOne({ _id: keyId }, { $setOnInsert: { mailId, state: 'correlated', claimedAt: answeredAt, answerId: waiting.subscriptionId } }, { upsert: true });
    return { dto: { receivedAt: answeredAt.toISOString(), files: input.files.length }, replayed: false };
  }

  private async replayOf(keyId: string): Promise<CitizenAnswerDto | null> {
    const key = await CitizenAnswerModel.findById(keyId).lean();
    if (!key?.answerId) return null;
    const first = await CitizenAnswerModel.findById(key.answerId).lean();
    return first?.answeredAt ? { receivedAt: first.answeredAt.toISOString(), files: first.files } : null;
  }

  /** Takes the wait for this answer; a wait answered (or being answered) already is a 409. */
  private async claim(id: string, mailId: string, requestedAt: Date, idempotencyKey: string | null, language: Language): Promise<void> {
    const claim: CitizenAnswer = { _id: id, mailId, state: 'claimed', claimedAt: new Date(), requestedAt, answeredAt: null, files: 0, idempotencyKey };
    try {
      await CitizenAnswerModel.create(claim);
      return;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
    const held = await CitizenAnswerModel.findById(id).lean();
    if (held?.state === 'correlated') throw new ConflictError(say(language, 'alreadyAnswered'));
    // a live claim: someone is answering right now; an expired one (a crash before correlation) is taken over
    const taken = await CitizenAnswerModel.updateOne({ _id: id, state: 'claimed', claimedAt: { $lt: new Date(Date.now() - LEASE_MS) } }, { $set: { claimedAt: new Date(), idempotencyKey } });
    if (taken.modifiedCount === 0) throw new ConflictError(say(language, 'inProgress'));
  }
}
