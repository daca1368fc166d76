import type { LetterCompareDto, LetterDto, LetterLanguage, LetterVersionContentDto, LetterVersionDto, SaveLetter, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import { displayNames } from '../users/user.service.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import type { LetterTemplateService } from './letter-template.service.js';
import { compareTexts, letterText } from './letter.compare.js';
import { say } from './letter.messages.js';
import { LetterModel, LetterVersionModel, versionId, type Letter, type LetterVersion, type LetterVersionSummary, type StoredPdf } from './letter.model.js';
import { deletePdf, readPdf, storePdf } from './letter.pdf-store.js';
import type { LetterRenderer } from './letter.render.js';
import type { LetterRights } from './letter.rights.js';
import { sanitizeLetterHtml } from './letter.sanitize.js';

const toVersionDto = (v: LetterVersionSummary, names: Map<string, string> = new Map()): LetterVersionDto => ({
  number: v.number,
  kind: v.kind,
  savedAt: v.savedAt.toISOString(),
  savedBy: v.savedBy,
  savedByName: names.get(v.savedBy) ?? v.savedBy,
  note: v.note ?? null,
});
const named = async (versions: LetterVersionSummary[]) => {
  const names = await displayNames([...new Set(versions.map((v) => v.savedBy))]);
  return versions.map((v) => toVersionDto(v, names));
};
const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

interface Content {
  html: string;
  language: LetterLanguage;
  templateCode: string | null;
  signatory: { name: string; title: string };
}

/**
 * A mail's letter: versions of its HTML (each a new revision; a save over a newer revision is a
 * 409), its PDF/A rendered once per version and kept in GridFS, and once signed the signed bytes as
 * stored. The parapheur calls `currentPdf`, `storeSigned`, `versions` and `render`.
 */
export class LetterService {
  constructor(
    private readonly rights: LetterRights,
    private readonly renderer: LetterRenderer,
    private readonly templates: LetterTemplateService,
  ) {}

  // ---- for the parapheur (no user: the caller checked its own rights) ----

  /** The current version's PDF: the signed bytes once signed, else rendered once and kept. */
  async currentPdf(mailId: string): Promise<Buffer> {
    const letter = await this.letter(mailId);
    const version = await this.versionDoc(mailId, letter.revision);
    if (version.pdf) return readPdf(version.pdf.fileId);
    const pdf = await this.renderer.pdf(mailId, { ...letter, savedAt: version.savedAt });
    const stored = await storePdf(pdf, { mailId, version: version.number, kind: version.kind });
    const kept = await LetterVersionModel.updateOne({ _id: version._id, pdf: null }, { $set: { pdf: stored } });
    if (kept.modifiedCount === 0) {
      // another request rendered it first: theirs stays
      await deletePdf(stored.fileId);
      const again = await this.versionDoc(mailId, letter.revision);
      if (again.pdf) return readPdf(again.pdf.fileId);
    }
    return pdf;
  }

  /** Stores signed bytes as a new version (its html: the version signed); the letter is signed from then on. */
  async storeSigned(mailId: string, pdf: Buffer, by: string, note: string | null = null): Promise<LetterVersionDto> {
    const letter = await this.letter(mailId);
    const number = letter.revision + 1;
    const stored = await storePdf(pdf, { mailId, version: number, kind: 'signed' });
    try {
      return await this.commit(mailId, letter.revision, letter, { kind: 'signed', by, note, pdf: stored });
    } catch (err) {
      await deletePdf(stored.fileId);
      throw err;
    }
  }

  async versions(mailId: string): Promise<LetterVersionDto[]> {
    const letter = await LetterModel.findById(mailId).lean();
    return named(letter?.versions ?? []);
  }

  /** Renders the current version afresh (not kept): a preview. */
  async render(mailId: string): Promise<Buffer> {
    const letter = await this.letter(mailId);
    return this.renderer.pdf(mailId, { ...letter, savedAt: new Date() });
  }

  // ---- for the routes (each checks the caller) ----

  async view(user: SessionUser, mailId: string): Promise<LetterDto> {
    const mail = await this.rights.readable(user, mailId);
    const letter = await LetterModel.findById(mailId).lean();
    const current: Content = letter ?? { html: '', language: mail.language === 'ar' ? 'ar' : 'fr', templateCode: null, signatory: { name: '', title: '' } };
    const savedAt = letter?.versions.at(-1)?.savedAt ?? new Date();
    return {
      mailId,
      revision: letter?.revision ?? 0,
      language: current.language,
      templateCode: current.templateCode,
      html: current.html,
      signatory: { name: current.signatory?.name ?? '', title: current.signatory?.title ?? '' },
      fields: await this.renderer.fields(mailId, { ...current, savedAt }),
      versions: await named(letter?.versions ?? []),
      editable: !letter?.signed && (await this.rights.mayWrite(user, mail)),
      signed: Boolean(letter?.signed),
    };
  }

  /** Checks that the user may still change the letter, and so its annexes: 404, 403, or 409 once signed. */
  async checkWritable(user: SessionUser, mailId: string, language: Language): Promise<void> {
    await this.rights.writable(user, mailId, language);
    if ((await LetterModel.findById(mailId, { signed: 1 }).lean())?.signed) throw new ConflictError(say(language, 'signed'));
  }

  async save(user: SessionUser, mailId: string, input: SaveLetter, language: Language): Promise<LetterDto> {
    const mail = await this.rights.writable(user, mailId, language);
    const letter = await LetterModel.findById(mailId).lean();
    const content: Content = {
      html: sanitizeLetterHtml(input.html),
      language: input.language ?? letter?.language ?? (mail.language === 'ar' ? 'ar' : 'fr'),
      templateCode: letter?.templateCode ?? null,
      signatory: input.signatory ?? letter?.signatory ?? { name: '', title: '' },
    };
    await this.commitChecked(letter, mailId, input.revision, content, user.username, language);
    return this.view(user, mailId);
  }

  async applyTemplate(user: SessionUser, mailId: string, input: { templateCode: string; revision?: number | undefined }, language: Language): Promise<LetterDto> {
    await this.rights.writable(user, mailId, language);
    const template = await this.templates.get(input.templateCode, language);
    const letter = await LetterModel.findById(mailId).lean();
    const content: Content = {
      html: sanitizeLetterHtml(template.body),
      language: template.language,
      templateCode: template.code,
      signatory: { name: letter?.signatory?.name ?? '', title: template.signatoryTitle || letter?.signatory?.title || '' },
    };
    await this.commitChecked(letter, mailId, input.revision ?? letter?.revision ?? 0, content, user.username, language);
    return this.view(user, mailId);
  }

  async version(user: SessionUser, mailId: string, number: number, language: Language): Promise<LetterVersionContentDto> {
    await this.rights.readable(user, mailId);
    const version = await LetterVersionModel.findById(versionId(mailId, number)).lean();
    if (!version) throw new NotFoundError(say(language, 'noVersion', number));
    return { ...(await named([version]))[0]!, html: version.html };
  }

  async compare(user: SessionUser, mailId: string, from: number, to: number, language: Language): Promise<LetterCompareDto> {
    await this.rights.readable(user, mailId);
    const letter = await LetterModel.findById(mailId).lean();
    if (!letter) throw new NotFoundError(say(language, 'noLetter'));
    const [a, b] = await Promise.all([from, to].map((n) => LetterVersionModel.findById(versionId(mailId, n)).lean()));
    if (!a) throw new NotFoundError(say(language, 'noVersion', from));
    if (!b) throw new NotFoundError(say(language, 'noVersion', to));
    const fields = await this.renderer.fields(mailId, { ...letter, savedAt: b.savedAt });
    return compareTexts({ number: from, text: letterText(a.html, fields) }, { number: to, text: letterText(b.html, fields) });
  }

  /** The current PDF, for whoever may see the mail. */
  async document(user: SessionUser, mailId: string, language: Language): Promise<Buffer> {
    await this.rights.readable(user, mailId);
    if (!(await LetterModel.exists({ _id: mailId }))) throw new NotFoundError(say(language, 'noLetter'));
    return this.currentPdf(mailId);
  }

  // ---- internals ----

  private async letter(mailId: string): Promise<Letter> {
    const letter = await LetterModel.findById(mailId).lean();
    if (!letter) throw new NotFoundError(say('en', 'noLetter'));
    return letter;
  }

  private async versionDoc(mailId: string, number: number): Promise<LetterVersion> {
    const version = await LetterVersionModel.findById(versionId(mailId, number)).lean();
    if (!version) throw new NotFoundError(say('en', 'noVersion', number));
    return version;
  }

  private async commitChecked(letter: Letter | null, mailId: string, revision: number, content: Content, by: string, language: Language): Promise<void> {
    const current = letter?.revision ?? 0;
    if (letter?.signed) throw new ConflictError(say(language, 'signed'));
    if (revision !== current) throw new ConflictError(say(language, 'stale', current), { revision: current });
    try {
      await this.commit(mailId, current, content, { kind: 'draft', by, note: null, pdf: null });
    } catch (err) {
      if (err instanceof ConflictError) throw new ConflictError(say(language, 'stale', current + 1), { revision: current + 1 });
      throw err;
    }
  }

  /** Adds version `revision + 1` if the letter is still at `revision` (else 409); the version's content is written after. */
  private async commit(mailId: string, revision: number, content: Content, how: { kind: 'draft' | 'signed'; by: string; note: string | null; pdf: StoredPdf | null }): Promise<LetterVersionDto> {
    const summary: LetterVersionSummary = { number: revision + 1, kind: how.kind, savedAt: new Date(), savedBy: how.by, note: how.note };
    const set = { revision: revision + 1, language: content.language, templateCode: content.templateCode, html: content.html, signatory: content.signatory, signed: how.kind === 'signed' };
    if (revision === 0) {
      try {
        await LetterModel.create({ _id: mailId, ...set, versions: [summary] });
      } catch (err) {
        if (isDuplicate(err)) throw new ConflictError('stale');
        throw err;
      }
    } else {
      const done = await LetterModel.updateOne({ _id: mailId, revision }, { $set: set, $push: { versions: summary } });
      if (done.modifiedCount === 0) throw new ConflictError('stale');
    }
    await LetterVersionModel.replaceOne({ _id: versionId(mailId, summary.number) }, { mailId, ...summary, html: content.html, pdf: how.pdf }, { upsert: true });
    await record({ actor: how.by, action: 'letter.saved', mailId, details: { version: summary.number, kind: how.kind, templateCode: content.templateCode } });
    return toVersionDto(summary);
  }
}
