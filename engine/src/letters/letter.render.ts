import { renderLetterPdf } from '@diwan/documents';
import type { I18nText, LetterLanguage, MailDto, MergeField } from '@diwan/contracts';
import { rootDepartmentName } from '../departments/department.service.js';
import { letterFrame, mergeFields, type FieldSources } from './letter.fields.js';

/** What a letter's content needs to print: the version's html, language and signatory, and when it was saved. */
export interface Printable {
  html: string;
  language: LetterLanguage;
  signatory: { name: string; title: string };
  savedAt: Date;
}

/** Reads mails as the workers do (no user): the letter's own mail, and the one it answers. */
export type MailReader = (id: string) => Promise<MailDto>;

/** Fills the merge fields and renders PDF/A; the administration's name falls back on the root department's. */
export class LetterRenderer {
  constructor(
    private readonly mails: MailReader,
    private readonly timeZone: string,
    private readonly administration: Partial<I18nText>,
  ) {}

  async sources(mailId: string, letter: Omit<Printable, 'html'>): Promise<FieldSources> {
    const mail = await this.mails(mailId);
    const replyTo = mail.links.find((l) => l.kind === 'replyTo')?.mailId;
    const answers = replyTo ? await this.mails(replyTo).catch(() => null) : null;
    return { mail, answers, signatory: letter.signatory, today: letter.savedAt, language: letter.language, timeZone: this.timeZone };
  }

  async fields(mailId: string, letter: Omit<Printable, 'html'>): Promise<Record<MergeField, string>> {
    return mergeFields(await this.sources(mailId, letter));
  }

  async pdf(mailId: string, letter: Printable): Promise<Buffer> {
    const sources = await this.sources(mailId, letter);
    const fields = mergeFields(sources);
    const root = this.administration.ar && this.administration.fr ? null : await rootDepartmentName();
    const administration = { ar: this.administration.ar || root?.ar || '', fr: this.administration.fr || root?.fr || '' };
    return renderLetterPdf({ ...letterFrame(sources, fields, administration), html: letter.html, fields, createdAt: letter.savedAt });
  }
}
