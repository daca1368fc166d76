import type { MailDto, PortalConfirmedDto, RegisterMailInput, SessionUser } from '@diwan/contracts';
import type { MailRegistration } from '../mail/mail.registration.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import { formatTrackingCode } from '../mail/mail.number.js';
import type { Logger } from '../shared/logger.js';
import type { PortalNotifier } from './portal.notifier.js';
import { dropFiles, readHeldFiles } from './portal-deposit.files.js';
import { PortalDepositModel, type PortalDepositDoc } from './portal-deposit.model.js';
import type { PortalReceipts } from './portal-receipt.service.js';

/** The portal registers as this account (registeredBy, the idempotency keys' owner, the audit's actor). */
const PORTAL_USER: SessionUser = { username: 'portal', displayName: 'Portail · البوابة', roles: [], departments: [], language: 'fr' };

/**
 * Turns a confirmed deposit into incoming mail through the registry's own registration (channel
 * `portal`, its type, so its type's circuit starts), with the deposit id as idempotency key: a
 * repeated or concurrent confirmation finds the same mail. Then the sealed receipt, and the tracking
 * code by SMS and e-mail in the citizen's language.
 */
export class PortalRegistration {
  constructor(
    private readonly registration: MailRegistration,
    private readonly updates: MailUpdates,
    private readonly receipts: PortalReceipts,
    private readonly notifier: PortalNotifier,
    private readonly publicUrl: string,
    private readonly logger: Logger,
  ) {}

  async register(deposit: PortalDepositDoc): Promise<PortalConfirmedDto> {
    const mail = deposit.registration ? await this.updates.get(deposit.registration.mailId) : await this.registerMail(deposit);
    const registered = mail as MailDto & { chronoNumber: string; trackingCode: string };
    const receipt = await this.receipts.issue(registered);
    const answer: PortalConfirmedDto = {
      chronoNumber: registered.chronoNumber,
      trackingCode: formatTrackingCode(registered.trackingCode),
      receiptUrl: `/api/public/receipts/${formatTrackingCode(receipt._id)}/pdf`,
    };
    if (deposit.state !== 'registered') {
      await PortalDepositModel.updateOne({ _id: deposit._id }, { $set: { state: 'registered', registration: { mailId: registered.id, chronoNumber: answer.chronoNumber, trackingCode: registered.trackingCode } } });
      await dropFiles(deposit.files);
    }
    await this.notifyRegistered(deposit, registered, answer);
    return answer;
  }

  private async registerMail(deposit: PortalDepositDoc): Promise<MailDto> {
    const { input } = deposit;
    let files;
    try {
      files = await readHeldFiles(deposit.files);
    } catch (err) {
      // A concurrent confirmation registered it and let the held files go.
      const now = await PortalDepositModel.findById(deposit._id).lean();
      if (now?.registration) return this.updates.get(now.registration.mailId);
      throw err;
    }
    const mailInput: RegisterMailInput = {
      direction: 'incoming',
      channel: 'portal',
      subject: input.subject,
      summary: input.text,
      language: input.language,
      mailType: input.mailType,
      receivedAt: deposit.createdAt.toISOString(),
      departments: { forAction: [input.department], forInformation: [] },
      correspondent: {
        kind: input.identity.kind,
        name: input.identity.name,
        ...(input.identity.kind === 'company' ? { registrationNumber: input.identity.nationalId } : { nationalId: input.identity.nationalId }),
        phone: input.identity.phone,
        email: input.identity.email,
      },
    };
    return (await this.registration.register({ ...PORTAL_USER, language: input.language }, mailInput, files, `portal-${deposit._id}`)).mail;
  }

  /** Both channels, each once (dedupe keys); a notification that can't be queued is logged, never fails the registration. */
  private async notifyRegistered(deposit: PortalDepositDoc, mail: MailDto, answer: PortalConfirmedDto): Promise<void> {
    const { identity, language } = deposit.input;
    const data = { chronoNumber: answer.chronoNumber, trackingCode: answer.trackingCode, trackingUrl: `${this.publicUrl.replace(/\/+$/, '')}/track/${answer.trackingCode}` };
    for (const channel of ['sms', 'email'] as const) {
      const to = channel === 'sms' ? { phone: identity.phone } : { email: identity.email };
      await this.notifier
        .request({ channel, to, template: 'deposit.registered', language, data, dedupeKey: `portal:${deposit._id}:registered:${channel}`, mailId: mail.id })
        .catch((err: unknown) => this.logger.warn({ err: (err as Error).message, deposit: deposit._id, channel }, 'portal: tracking code notification not queued'));
    }
  }
}
