import { Schema, model } from 'mongoose';
import type { I18nText, LetterLanguage } from '@diwan/contracts';

/** A letter template (نموذج رسالة / modèle de lettre): a body with merge fields, in one language. */
export interface LetterTemplate {
  code: string;
  labels: I18nText;
  language: LetterLanguage;
  body: string;
  signatoryTitle: string;
  standard: boolean;
  updatedAt: Date;
  updatedBy: string;
}

const letterTemplateSchema = new Schema<LetterTemplate>(
  {
    code: { type: String, required: true, unique: true },
    labels: { type: new Schema({ ar: String, fr: String, en: String }, { _id: false }), required: true },
    language: { type: String, enum: ['ar', 'fr'], required: true },
    body: { type: String, default: '' },
    signatoryTitle: { type: String, default: '' },
    standard: { type: Boolean, default: false },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export const LetterTemplateModel = model<LetterTemplate>('LetterTemplate', letterTemplateSchema, 'letterTemplates');
