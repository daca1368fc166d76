import { letterTemplateSchema, letterTemplateUpdateSchema, type LetterTemplateDto } from '@diwan/contracts';
import type { z } from 'zod';
import { record } from '../audit/audit.service.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { LetterTemplateModel, type LetterTemplate } from './letter-template.model.js';
import { STANDARD_LETTER_TEMPLATES } from './letter-template.standard.js';
import { say } from './letter.messages.js';
import { sanitizeLetterHtml } from './letter.sanitize.js';

const toDto = (t: LetterTemplate): LetterTemplateDto => ({
  code: t.code,
  labels: { ar: t.labels.ar, fr: t.labels.fr, en: t.labels.en },
  language: t.language,
  body: t.body,
  signatoryTitle: t.signatoryTitle ?? '',
  standard: Boolean(t.standard),
  updatedAt: t.updatedAt.toISOString(),
  updatedBy: t.updatedBy,
});

/** Letter templates (`letterTemplates`): every member of staff lists them, admins change them. */
export class LetterTemplateService {
  /** Seeds the standard templates that are missing; an admin's change is never overwritten. */
  async ensureStandard(): Promise<void> {
    for (const template of STANDARD_LETTER_TEMPLATES) {
      await LetterTemplateModel.updateOne({ code: template.code }, { $setOnInsert: { ...template, updatedAt: new Date(), updatedBy: 'system' } }, { upsert: true });
    }
  }

  async list(language?: 'ar' | 'fr'): Promise<LetterTemplateDto[]> {
    const all = await LetterTemplateModel.find(language ? { language } : {}).lean();
    return all.sort((a, b) => a.code.localeCompare(b.code)).map(toDto);
  }

  async get(code: string, language: Language): Promise<LetterTemplateDto> {
    const found = await LetterTemplateModel.findOne({ code }).lean();
    if (!found) throw new NotFoundError(say(language, 'noTemplate', code));
    return toDto(found);
  }

  async create(input: z.output<typeof letterTemplateSchema>, actor: string, language: Language): Promise<LetterTemplateDto> {
    const template = { ...input, body: sanitizeLetterHtml(input.body), standard: false, updatedAt: new Date(), updatedBy: actor };
    try {
      await LetterTemplateModel.create(template);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new ConflictError(say(language, 'templateExists', input.code));
      throw err;
    }
    await record({ actor, action: 'letterTemplate.saved', details: { code: input.code, created: true } });
    return toDto(template);
  }

  async update(code: string, input: z.output<typeof letterTemplateUpdateSchema>, actor: string, language: Language): Promise<LetterTemplateDto> {
    const updated = await LetterTemplateModel.findOneAndUpdate(
      { code },
      { $set: { ...input, body: sanitizeLetterHtml(input.body), updatedAt: new Date(), updatedBy: actor } },
      { returnDocument: 'after', lean: true },
    );
    if (!updated) throw new NotFoundError(say(language, 'noTemplate', code));
    await record({ actor, action: 'letterTemplate.saved', details: { code } });
    return toDto(updated);
  }

  /** A standard template may be changed, never deleted (it would come back at the next start). */
  async remove(code: string, actor: string, language: Language): Promise<void> {
    const removed = await LetterTemplateModel.findOneAndDelete({ code, standard: { $ne: true } }).lean();
    if (!removed) {
      if (await LetterTemplateModel.exists({ code })) throw new ConflictError(say(language, 'standardTemplate', code));
      throw new NotFoundError(say(language, 'noTemplate', code));
    }
    await record({ actor, action: 'letterTemplate.deleted', details: { code } });
  }
}
