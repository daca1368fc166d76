import type { PortalDeposit, PortalOptionsDto } from '@diwan/contracts';
import { ALLOWED_EXTENSIONS } from '../attachments/attachment.sniff.js';
import { departmentNames } from '../departments/department.service.js';
import type { MailFeature } from '../mail/mail.feature.js';
import type { MailTypeService } from '../mail-types/mail-type.service.js';
import { UnprocessableError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { PORTAL_UPLOAD_LIMITS, portalConfig, type PortalConfig } from './portal.config.js';
import { ProofOfWork } from './portal.challenge.js';
import { PortalLimits } from './portal.limits.js';
import type { PortalNotifier } from './portal.notifier.js';
import { PortalDeposits } from './portal-deposit.service.js';
import { PortalReceipts } from './portal-receipt.service.js';
import { PortalRegistration } from './portal.registration.js';

/** The public portal's parts, wired once by the server. */
export class PortalFeature {
  readonly config: PortalConfig;
  readonly pow: ProofOfWork;
  readonly limits: PortalLimits;
  readonly receipts: PortalReceipts;
  readonly deposits: PortalDeposits;

  constructor(
    private readonly mail: MailFeature,
    private readonly mailTypes: MailTypeService,
    notifier: PortalNotifier,
    administration: { ar: string; fr: string },
    logger: Logger,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.config = portalConfig(env);
    this.pow = new ProofOfWork(this.config.DIWAN_JWT_SECRET, this.config.DIWAN_PORTAL_POW_BITS);
    this.limits = new PortalLimits(this.config.DIWAN_PORTAL_DEPOSITS_PER_IP, this.config.DIWAN_PORTAL_DEPOSITS_PER_PHONE);
    this.receipts = new PortalReceipts(mail.updates, { publicUrl: this.config.DIWAN_PUBLIC_URL, timeZone: this.config.DIWAN_TIME_ZONE, receiptKey: this.config.DIWAN_RECEIPT_KEY, administration });
    const registration = new PortalRegistration(mail.registration, mail.updates, this.receipts, notifier, this.config.DIWAN_PUBLIC_URL, logger);
    this.deposits = new PortalDeposits({ pow: this.pow, limits: this.limits, notifier, registration, secret: this.config.DIWAN_JWT_SECRET, checkChoices: (input) => this.checkChoices(input) });
  }

  /** What the deposit form offers: departments and active incoming mail types, by name only. */
  async options(): Promise<PortalOptionsDto> {
    const names = await departmentNames();
    const types = await this.mailTypes.list({ direction: 'incoming', active: true });
    return {
      departments: [...names].map(([code, name]) => ({ code, name })),
      mailTypes: types.map((t) => ({ code: t.code, label: t.label })),
      limits: { ...PORTAL_UPLOAD_LIMITS, extensions: ALLOWED_EXTENSIONS },
    };
  }

  /** The current chrono number of a mail (null when it is gone or void). */
  async chronoOf(mailId: string): Promise<string | null> {
    const mail = await this.mail.updates.get(mailId).catch(() => null);
    return mail && mail.status !== 'void' ? mail.chronoNumber : null;
  }

  private async checkChoices(input: PortalDeposit): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    if (!(await departmentNames()).has(input.department)) problems.push({ field: 'department', message: `unknown department ${input.department}` });
    const types = await this.mailTypes.list({ direction: 'incoming', active: true });
    if (!types.some((t) => t.code === input.mailType)) problems.push({ field: 'mailType', message: `no active incoming mail type ${input.mailType}` });
    if (problems.length) throw new UnprocessableError(`Invalid deposit: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { fields: problems });
  }
}
