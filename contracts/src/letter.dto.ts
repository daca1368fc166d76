import { z } from 'zod';
import type { I18nText } from './mail-type.dto.js';

/**
 * Letters (الرسالة / courrier sortant): the content of an outgoing mail, written from a template
 * in a rich-text editor, kept in versions, rendered as PDF/A (`/api/mails/:id/letter`,
 * `/api/letter-templates`).
 */

export const LETTER_LANGUAGES = ['ar', 'fr'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/**
 * The merge fields a letter may hold, as `<span data-field="name"></span>`; the engine fills them
 * when it renders (the letter's date, the correspondent, the references of the mail it answers...).
 */
export const MERGE_FIELDS = [
  'correspondent.name',
  'correspondent.address',
  'reference.chronoNumber',
  'reference.letterDate',
  'reference.letterReference',
  'date.today',
  'mail.chronoNumber',
  'mail.subject',
  'signatory.name',
  'signatory.title',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const letterTemplateCodeSchema = z.string().trim().regex(/^[a-z][a-z0-9_-]{1,59}$/);

export const letterTemplateSchema = z.strictObject({
  code: letterTemplateCodeSchema,
  labels: z.strictObject({ ar: z.string().trim().min(1).max(200), fr: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
  language: z.enum(LETTER_LANGUAGES),
  /** The body: the rich-text HTML subset with merge fields (sanitized by the engine). */
  body: z.string().max(200_000),
  /** The signatory's title printed under the signature area, e.g. "رئيس البلدية". */
  signatoryTitle: z.string().trim().max(200).default(''),
});
export type LetterTemplateInput = z.input<typeof letterTemplateSchema>;
export const letterTemplateUpdateSchema = letterTemplateSchema.omit({ code: true });

export interface LetterTemplateDto {
  code: string;
  labels: I18nText;
  language: LetterLanguage;
  body: string;
  signatoryTitle: string;
  /** One of the standard templates seeded at start (an admin may still change it). */
  standard: boolean;
  updatedAt: string;
  updatedBy: string;
}

export const saveLetterSchema = z.strictObject({
  html: z.string().max(500_000),
  /** The revision the editor started from: a save over a newer one is refused (409). */
  revision: z.number().int().min(0),
  language: z.enum(LETTER_LANGUAGES).optional(),
  signatory: z.strictObject({ name: z.string().trim().max(200), title: z.string().trim().max(200) }).optional(),
});
export type SaveLetter = z.output<typeof saveLetterSchema>;

export const letterFromTemplateSchema = z.strictObject({ templateCode: letterTemplateCodeSchema, revision: z.number().int().min(0).optional() });

export const letterCompareQuerySchema = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export interface LetterVersionDto {
  number: number;
  /** `draft`: written in the editor; `signed`: the signed PDF as stored (its html is the version signed). */
  kind: 'draft' | 'signed';
  savedAt: string;
  savedBy: string;
  /** Who saved it, as people read it. */
  savedByName: string;
  note: string | null;
}

export interface LetterDto {
  mailId: string;
  revision: number;
  language: LetterLanguage;
  templateCode: string | null;
  html: string;
  signatory: { name: string; title: string };
  /** Each merge field's value as it prints now, in the letter's language. */
  fields: Record<MergeField, string>;
  versions: LetterVersionDto[];
  /** May the caller change it now? */
  editable: boolean;
  signed: boolean;
}

export interface LetterVersionContentDto extends LetterVersionDto {
  html: string;
}

export interface LetterCompareDto {
  from: number;
  to: number;
  segments: { kind: 'same' | 'inserted' | 'removed'; text: string }[];
}
