import { administrationSeal, certificateName, listSignatures, signerKeyFromP12, signPdf, SigningKeyError, type Bilingual, type SignedPdf } from '@diwan/documents/signature';
import type { LetterSignaturesDto, MailDto, SessionUser, SigningStepDto, UserTaskDto } from '@diwan/contracts';
import { delegatorOf, onBehalfOf } from '../absences/absence.service.js';
import { record } from '../audit/audit.service.js';
import type { CircuitModels } from '../circuits/circuit-model.js';
import { findVisibleMail } from '../mail/mail.query.js';
import { BadInputError, NotAllowedError, NotFoundError, UnavailableError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import type { Logger } from '../shared/logger.js';
import { userTaskRights } from '../tasks/user-task.rights.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { displayNames } from '../users/user.service.js';
import { signatureMessage } from './signature.messages.js';
import { LetterSignatureModel, registrationStampId, stepSignatureId } from './signature.model.js';
import { SIGN_ACTION, stepProperties } from './signature.step.js';

/** What the signatures need of the letters module (LetterService): the current PDF, and a new version that is signed bytes. */
export interface LetterFiles {
  currentPdf(mailId: string): Promise<Uint8Array>;
  storeSigned(mailId: string, pdf: Buffer, by: string, note: string): Promise<unknown>;
}

export type SigningKeyInput = { p12: Buffer; password: string } | { seal: true };

/** "Hédi Ayari · الهادي العياري" → both spellings for the bilingual block. */
const bilingual = (displayName: string): Bilingual => {
  const [fr, ar] = displayName.split(' · ');
  return { fr: fr ?? displayName, ar: ar ?? fr ?? displayName };
};

/**
 * The electronic parapheur's signatures: a person signs the letter in the signature step they hold
 * (their own PKCS#12, never stored, or the seal when the step allows it), with "P.O." when they
 * replace an absent person; the registration stamp is the seal's; the verification reads the PDF.
 * One signing at a time per mail (in this process), so two signatures never overwrite each other.
 */
export class LetterSignatures {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly letters: LetterFiles,
    private readonly userTasks: UserTaskService,
    private readonly models: CircuitModels,
    private readonly logger: Logger,
  ) {}

  async sign(user: SessionUser, mailId: string, input: SigningKeyInput, language: Language): Promise<{ fieldName: string; level: SignedPdf['level'] }> {
    const mail = await findVisibleMail(user, mailId);
    const step = await this.openSignStep(user, String(mail._id));
    if (!step) throw new NotAllowedError(signatureMessage('notYourStep', language));
    if ('seal' in input && step.properties['diwan.sealAllowed'] !== 'true') throw new NotAllowedError(signatureMessage('sealNotAllowed', language));
    const key = await this.keyOf(input, language);
    const now = new Date();
    // A substitute signs for the absent person: the step was moved to them, or they replace someone now.
    const absent = (await delegatorOf(user.username, step.task.id)) ?? (await onBehalfOf(user.username, now));
    const names = await displayNames([user.username, ...(absent ? [absent.username] : [])]);
    return this.serially(mailId, async () => {
      const pdf = await this.letters.currentPdf(mailId);
      const signed = await signPdf(pdf, {
        key,
        signingTime: now,
        mention: { name: bilingual(names.get(user.username) ?? user.username), ...(absent ? { onBehalfOf: { name: bilingual(absent.displayName) } } : {}) },
        reason: absent ? `Signed by ${user.username} on behalf of ${absent.username}` : `Signed by ${user.username}`,
      });
      await this.letters.storeSigned(mailId, signed.bytes, user.username, absent ? `P.O. ${absent.displayName}` : 'signature');
      const method = 'seal' in input ? 'seal' : 'p12';
      const certificate = certificateName(key.certificate);
      await LetterSignatureModel.updateOne(
        { _id: stepSignatureId(mailId, step.task.id, user.username) },
        { $set: { mailId, kind: 'signature', userTaskId: step.task.id, signer: user.username, method, onBehalfOf: absent, certificate, fieldName: signed.fieldName, level: signed.level, at: now } },
        { upsert: true },
      );
      await record({
        actor: user.username,
        action: 'document.signed',
        mailId,
        details: { userTaskId: step.task.id, method, certificate, fieldName: signed.fieldName, level: signed.level, ...(absent ? { onBehalfOf: absent } : {}) },
      });
      return { fieldName: signed.fieldName, level: signed.level };
    });
  }

  /** The registration stamp: the chrono number signed by the administration's seal, once per mail. */
  async stampRegistration(mail: MailDto): Promise<void> {
    if (!mail.chronoNumber || (await LetterSignatureModel.exists({ _id: registrationStampId(mail.id) }))) return;
    const number = mail.chronoNumber;
    await this.serially(mail.id, async () => {
      if (await LetterSignatureModel.exists({ _id: registrationStampId(mail.id) })) return;
      const pdf = await this.letters.currentPdf(mail.id).catch((err: unknown) => {
        if (err instanceof NotFoundError) return null; // registered without a letter in Diwan: nothing to stamp
        throw err;
      });
      if (!pdf) return;
      const seal = await administrationSeal().catch((err: unknown) => {
        this.logger.error({ err: (err as Error).message }, 'the administration seal could not be read');
        throw new UnavailableError(signatureMessage('noSeal', 'en'));
      });
      const now = new Date();
      const signed = await signPdf(pdf, {
        key: seal,
        signingTime: now,
        // short lines: the block is narrow (the number must show whole)
        mention: { name: { fr: "Enregistré au bureau d'ordre", ar: 'مسجلة بمكتب الضبط' }, title: { fr: `N° ${number}`, ar: `عدد ${number}` } },
        reason: `Registered ${number}`,
      });
      await this.letters.storeSigned(mail.id, signed.bytes, 'system', `Registration ${number}`);
      await LetterSignatureModel.updateOne(
        { _id: registrationStampId(mail.id) },
        { $set: { mailId: mail.id, kind: 'registration', userTaskId: null, signer: 'system', method: 'seal', onBehalfOf: null, certificate: certificateName(seal.certificate), fieldName: signed.fieldName, level: signed.level, at: now } },
        { upsert: true },
      );
      await record({ actor: 'system', action: 'document.signed', mailId: mail.id, details: { registration: number, method: 'seal', fieldName: signed.fieldName, level: signed.level } });
    });
  }

  /** The letter's signatures as the PDF proves them, with what Diwan knows of each. */
  async verify(user: SessionUser, mailId: string): Promise<LetterSignaturesDto> {
    const mail = await findVisibleMail(user, mailId);
    const id = String(mail._id);
    // a mail with no letter yet has nothing signed: an empty list, not an error
    const reports = await this.letters.currentPdf(id).then(
      (pdf) => listSignatures(pdf),
      (err: unknown) => (err instanceof NotFoundError ? [] : Promise.reject(err)),
    );
    const known = reports.length ? await LetterSignatureModel.find({ mailId: id }).lean() : [];
    const byField = new Map(known.map((k) => [k.fieldName, k]));
    const names = await displayNames(known.map((k) => k.signer));
    return {
      mailId: id,
      signatures: reports.map((r) => {
        const k = byField.get(r.fieldName);
        return {
          signer: r.signer,
          issuer: r.issuer,
          signedAt: r.claimedTime?.toISOString() ?? null,
          timestampedAt: r.timestampTime?.toISOString() ?? null,
          intact: r.intact,
          modifiedAfter: r.modifiedAfter,
          laterSignatures: r.laterSignatures,
          kind: k?.kind ?? null,
          by: k && k.kind === 'signature' ? { username: k.signer, displayName: names.get(k.signer) ?? k.signer } : null,
          onBehalfOf: k?.onBehalfOf ?? null,
        };
      }),
    };
  }

  /** The open signature step this user holds on the mail (the mail page's "Sign" panel), or null. */
  async signingStep(user: SessionUser, mailId: string): Promise<SigningStepDto> {
    const mail = await findVisibleMail(user, mailId);
    const id = String(mail._id);
    const step = await this.openSignStep(user, id);
    if (!step) return { step: null };
    return { step: { userTaskId: step.task.id, sealAllowed: step.properties['diwan.sealAllowed'] === 'true', signed: await this.signedInStep(id, step.task.id, user.username) } };
  }

  /** Did this user sign the letter in this step? (The step's completion requires it.) */
  async signedInStep(mailId: string, userTaskId: string, username: string): Promise<boolean> {
    return (await LetterSignatureModel.exists({ _id: stepSignatureId(mailId, userTaskId, username) })) !== null;
  }

  /** The open signature step of the mail that this user holds, or may claim. */
  private async openSignStep(user: SessionUser, mailId: string): Promise<{ task: UserTaskDto; properties: Record<string, string> } | null> {
    for (const task of await this.userTasks.listVisible(user, { businessKey: mailId })) {
      const properties = await stepProperties(this.models, task);
      if (properties['diwan.action'] !== SIGN_ACTION) continue;
      try {
        userTaskRights.complete(user, task);
        return { task, properties };
      } catch {
        continue;
      }
    }
    return null;
  }

  private async keyOf(input: SigningKeyInput, language: Language) {
    if ('seal' in input) {
      return administrationSeal().catch(() => {
        throw new UnavailableError(signatureMessage('noSeal', language));
      });
    }
    try {
      return await signerKeyFromP12(input.p12, input.password);
    } catch (err) {
      if (err instanceof SigningKeyError) throw new BadInputError(signatureMessage('badKey', language), { fields: [{ field: 'password', message: signatureMessage('badKey', language) }] });
      throw err;
    }
  }

  private serially<T>(mailId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(mailId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(mailId, next);
    void next.finally(() => {
      if (this.queues.get(mailId) === next) this.queues.delete(mailId);
    }).catch(() => undefined);
    return next;
  }
}
