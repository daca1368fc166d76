import type { MailStatus, MailTrackingDto } from '@diwan/contracts';
import { entriesOfMail } from '../audit/audit.service.js';
import type { CircuitModels } from '../circuits/circuit-model.js';
import { departmentNames } from '../departments/department.service.js';
import { mailByTrackingCode } from '../mail/mail.lookup.js';
import type { Mail } from '../mail/mail.model.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { NotFoundError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { waitingCitizenRequest } from './citizen-request.js';
import { say } from './tracking.messages.js';
import { stageOfStatus, trackingTimeline } from './tracking.stages.js';

type TrackedMail = Mail & { chronoNumber: string };
const CODE = /^[0-9A-Z]{10,32}$/;
const CLOSED: MailStatus[] = ['closed', 'archived'];

/** The latest answer document of a mail: its `reply` attachment, the newest one. */
export const answerDocumentOf = (mail: Pick<Mail, 'attachments'>) => [...mail.attachments].reverse().find((a) => a.role === 'reply') ?? null;
export const isClosed = (mail: Pick<Mail, 'status'>) => CLOSED.includes(mail.status);

/** What a tracking code shows: where the mail stands in plain words, what is asked, whether the answer is ready. */
export class TrackingService {
  constructor(
    private readonly runtime: RuntimeClient,
    private readonly models: CircuitModels,
  ) {}

  /** The mail a code names (normalised: case, spaces and the dashes it is shown with), else 404 in the caller's language. */
  async mail(rawCode: string, language: Language): Promise<TrackedMail> {
    const code = rawCode.replace(/[\s-]+/g, '').toUpperCase();
    const mail = CODE.test(code) ? await mailByTrackingCode(code) : null;
    if (!mail) throw new NotFoundError(say(language, 'notFound'));
    return mail;
  }

  async track(rawCode: string, language: Language): Promise<MailTrackingDto> {
    const mail = await this.mail(rawCode, language);
    const mailId = String(mail._id);
    const [waiting, entries, names] = await Promise.all([
      isClosed(mail) ? null : waitingCitizenRequest(this.runtime, this.models, mailId),
      entriesOfMail(mailId),
      departmentNames(),
    ]);
    const departmentCode = mail.departments.forAction[0];
    const department = departmentCode ? names.get(departmentCode) : undefined;
    const lastUpdate = mail.updatedAt ?? mail.registeredAt;
    const stage = waiting ? 'information_requested' : stageOfStatus(mail.status);
    return {
      chronoNumber: mail.chronoNumber,
      status: mail.status,
      receivedAt: mail.receivedAt.toISOString(),
      lastUpdate: lastUpdate.toISOString(),
      receiptNumber: mail.receipt?.number ?? null,
      stage,
      timeline: trackingTimeline(mail.receivedAt, entries, waiting?.since ?? null, { stage, since: lastUpdate }),
      department: department ? { ar: department.ar, fr: department.fr, en: department.en } : null,
      informationRequest: waiting ? { text: waiting.text, since: waiting.since } : null,
      answerAvailable: isClosed(mail) && answerDocumentOf(mail) !== null,
    };
  }
}
