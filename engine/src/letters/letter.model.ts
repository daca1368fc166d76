import { Schema, model } from 'mongoose';
import type { LetterLanguage } from '@diwan/contracts';

/** A version as the letter lists it (its content is in `letterVersions`). */
export interface LetterVersionSummary {
  number: number;
  kind: 'draft' | 'signed';
  savedAt: Date;
  savedBy: string;
  note: string | null;
}

/**
 * The letter of a mail, keyed by the mail's id: the current version's content (so that a read never
 * needs the history), its revision (= the number of versions; a save names the revision it started
 * from), and the list of versions.
 */
export interface Letter {
  _id: string;
  revision: number;
  language: LetterLanguage;
  templateCode: string | null;
  html: string;
  signatory: { name: string; title: string };
  signed: boolean;
  versions: LetterVersionSummary[];
}

/** The PDF of a version in GridFS (bucket `letters`). */
export interface StoredPdf {
  fileId: string;
  sha256: string;
  size: number;
}

/** One version's content, keyed `<mailId>:<number>` (read by _id only). */
export interface LetterVersion extends LetterVersionSummary {
  _id: string;
  mailId: string;
  html: string;
  pdf: StoredPdf | null;
}

const summary = { _id: false, number: Number, kind: String, savedAt: Date, savedBy: String, note: { type: String, default: null } };

const letterSchema = new Schema<Letter>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    language: { type: String, enum: ['ar', 'fr'], required: true },
    templateCode: { type: String, default: null },
    html: { type: String, default: '' },
    signatory: { type: new Schema({ name: String, title: String }, { _id: false }), default: { name: '', title: '' } },
    signed: { type: Boolean, default: false },
    versions: { type: [summary], default: [] },
  },
  { versionKey: false, minimize: false },
);

const letterVersionSchema = new Schema<LetterVersion>(
  {
    _id: { type: String, required: true },
    mailId: { type: String, required: true },
    number: { type: Number, required: true },
    kind: { type: String, enum: ['draft', 'signed'], required: true },
    savedAt: { type: Date, required: true },
    savedBy: { type: String, required: true },
    note: { type: String, default: null },
    html: { type: String, default: '' },
    pdf: { type: new Schema({ fileId: String, sha256: String, size: Number }, { _id: false }), default: null },
  },
  { versionKey: false },
);

export const LetterModel = model<Letter>('Letter', letterSchema, 'letters');
export const LetterVersionModel = model<LetterVersion>('LetterVersion', letterVersionSchema, 'letterVersions');
export const versionId = (mailId: string, number: number) => `${mailId}:${number}`;
