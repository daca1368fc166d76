import type { SessionUser, UserTaskDto } from '@diwan/contracts';
import type { Mail } from '../mail/mail.model.js';
import { findVisibleMail } from '../mail/mail.query.js';
import { NotAllowedError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { isCandidate } from '../tasks/user-task.rights.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { say } from './letter.messages.js';

/**
 * Who may do what with a mail's letter, in one place:
 * - read it (content, versions, comparison, PDF): whoever may see the mail (else 404);
 * - write it (save, apply a template): whoever may see it and drafted it (its registrar) or holds
 *   an open task on it (assignee, or a candidate while nobody holds it); outgoing or internal mail
 *   only, and never once it is signed. The parapheur's circuit may narrow this to its drafting and
 *   revision steps.
 */
export class LetterRights {
  constructor(private readonly userTasks: UserTaskService) {}

  /** The mail, if the user may see it; else 404. */
  readable(user: SessionUser, mailId: string): Promise<Mail> {
    return findVisibleMail(user, mailId);
  }

  async mayWrite(user: SessionUser, mail: Mail): Promise<boolean> {
    if (mail.direction === 'incoming') return false;
    if (mail.registeredBy === user.username) return true;
    return (await this.openTasksHeld(user, String(mail._id))).length > 0;
  }

  /** The mail, if the user may write its letter; else 404 (unseen) or 403. */
  async writable(user: SessionUser, mailId: string, language: Language): Promise<Mail> {
    const mail = await this.readable(user, mailId);
    if (mail.direction === 'incoming') throw new NotAllowedError(say(language, 'notOutgoing'));
    if (!(await this.mayWrite(user, mail))) throw new NotAllowedError(say(language, 'notEditable'));
    return mail;
  }

  private async openTasksHeld(user: SessionUser, mailId: string): Promise<UserTaskDto[]> {
    const tasks = await this.userTasks.listVisible(user, { businessKey: mailId, assignee: 'any' });
    return tasks.filter((t) => t.assignee === user.username || (!t.assignee && isCandidate(user, t)));
  }
}
