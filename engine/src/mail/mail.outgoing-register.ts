import type { MailDto } from '@diwan/contracts';
import { searchTextOf } from '../search/normalize.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { EventBus } from '../shared/event-bus.js';
import { toMailDto } from './mail.dto.js';
import { MailModel, type Mail } from './mail.model.js';
import { withChronoNumber } from './mail.number.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** Someone else registered the draft while this call held a number: that number becomes a void entry. */
class RegisteredMeanwhile extends Error {}

/** What follows a registration (the registration stamp on the letter); idempotent, may run again. */
export type AfterRegistration = (mail: MailDto, actor: string) => Promise<void>;

/**
 * The outgoing register's step of a circuit (topic `mail.register`): a drafted letter takes the
 * next number of register D, gaplessly (`withChronoNumber`: a failure leaves a void entry), and
 * moves from `draft` to `registered`. Idempotent: a mail that has its number keeps it, and only
 * what follows (the stamp) runs again.
 */
export class OutgoingRegister {
  private after: AfterRegistration[] = [];

  constructor(private readonly bus: EventBus) {}

  /** Adds a step that follows each registration (the signatures module stamps the letter). */
  onRegistered(step: AfterRegistration): void {
    this.after.push(step);
  }

  async register(mailId: string, actor: string): Promise<MailDto> {
    const mail = await this.mail(mailId);
    if (mail.direction !== 'outgoing') throw new ConflictError(`Mail ${mail.chronoNumber} is not an outgoing mail`);
    const registered = mail.chronoNumber ? mail : await this.number(mail, actor);
    const dto = toMailDto(registered);
    for (const step of this.after) await step(dto, actor);
    return dto;
  }

  private async mail(id: string): Promise<Mail> {
    const mail = OBJECT_ID.test(id) ? await MailModel.findById(id).lean() : null;
    if (!mail || mail.status === 'void') throw new NotFoundError(`No mail ${id}`);
    return mail;
  }

  private async number(mail: Mail, actor: string): Promise<Mail> {
    const registeredAt = new Date();
    const year = registeredAt.getUTCFullYear();
    let numbered: Mail;
    try {
      numbered = await withChronoNumber('outgoing', year, actor, async (sequence, chronoNumber) => {
        const [, register] = chronoNumber.split('/');
        const updated = await MailModel.findOneAndUpdate(
          { _id: mail._id, chronoNumber: null },
          {
            $set: {
              chronoNumber,
              register,
              year,
              sequence,
              // A circuit may have moved the draft on already (a milestone while drafting): never backwards.
              status: mail.status === 'draft' ? 'registered' : mail.status,
              registeredAt,
              searchText: searchTextOf(chronoNumber, mail.subject, mail.summary, mail.correspondent?.name, mail.letterReference),
            },
          },
          { returnDocument: 'after', lean: true },
        );
        if (!updated) throw new RegisteredMeanwhile(`Mail ${String(mail._id)} was registered meanwhile`);
        return updated;
      });
    } catch (err) {
      if (err instanceof RegisteredMeanwhile) return this.mail(String(mail._id));
      throw err;
    }
    const id = String(mail._id);
    if (mail.status !== numbered.status) await this.bus.emit('mail.statusChanged', { mailId: id, from: mail.status, to: numbered.status, actor, activityId: null, activityName: null });
    // Audited (with its number), published, as any registration.
    await this.bus.emit('mail.registered', toMailDto(numbered));
    return numbered;
  }
}
