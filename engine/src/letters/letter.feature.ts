import type { I18nText } from '@diwan/contracts';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { LetterTemplateService } from './letter-template.service.js';
import { LetterRenderer, type MailReader } from './letter.render.js';
import { LetterRights } from './letter.rights.js';
import { LetterService } from './letter.service.js';

/** Letters and their templates, wired once by the server. `letters` is what the parapheur uses. */
export class LetterFeature {
  readonly templates = new LetterTemplateService();
  readonly letters: LetterService;

  constructor(mails: MailReader, userTasks: UserTaskService, settings: { timeZone: string; administration: Partial<I18nText> }) {
    this.letters = new LetterService(new LetterRights(userTasks), new LetterRenderer(mails, settings.timeZone, settings.administration), this.templates);
  }

  /** Seeds the standard templates (never overwriting an admin's change). */
  start(): Promise<void> {
    return this.templates.ensureStandard();
  }
}
