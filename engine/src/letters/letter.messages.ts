import type { z } from 'zod';
import type { I18nText } from '@diwan/contracts';
import type { Language } from '../shared/language.js';
import { sayer, validateIn as validateLocalized } from '../shared/localized.js';

/** What letters say to people, in ar, fr and en. `{x}` marks a value filled in. */
const MESSAGES = {
  noLetter: { ar: 'لا توجد رسالة لهذه المراسلة بعد', fr: "Ce courrier n'a pas encore de lettre", en: 'This mail has no letter yet' },
  noVersion: { ar: 'لا توجد نسخة رقم {x}', fr: "Il n'y a pas de version {x}", en: 'There is no version {x}' },
  noTemplate: { ar: 'لا يوجد نموذج بهذا الرمز: {x}', fr: 'Aucun modèle avec ce code : {x}', en: 'No template with this code: {x}' },
  standardTemplate: { ar: 'نموذج قياسي لا يُحذف، ويمكن تعديله: {x}', fr: 'Un modèle standard ne se supprime pas, il se modifie : {x}', en: 'A standard template can be changed, not deleted: {x}' },
  noFile: { ar: 'أرفق ملفًا واحدًا على الأقل', fr: 'Joignez au moins un fichier', en: 'Attach at least one file' },
  templateExists: { ar: 'يوجد نموذج بهذا الرمز: {x}', fr: 'Un modèle existe déjà avec ce code : {x}', en: 'A template with this code exists already: {x}' },
  notEditable: {
    ar: 'لا يمكنك تحرير هذه الرسالة: يحررها محرر المراسلة أو من بيده مهمة مفتوحة عليها',
    fr: "Vous ne pouvez pas modifier cette lettre : seuls son rédacteur et qui a une tâche ouverte sur ce courrier le peuvent",
    en: 'You may not edit this letter: only its drafter and whoever holds an open task on the mail may',
  },
  notOutgoing: { ar: 'لا تُحرَّر رسالة إلا لمراسلة صادرة أو داخلية', fr: "Une lettre ne s'écrit que pour un courrier sortant ou interne", en: 'Letters are written for outgoing or internal mail only' },
  signed: { ar: 'الرسالة ممضاة: لا يمكن تغييرها', fr: 'La lettre est signée : elle ne peut plus changer', en: 'The letter is signed: it can no longer change' },
  stale: {
    ar: 'غيّر شخص آخر هذه الرسالة في الأثناء (النسخة {x}): أعد تحميلها قبل الحفظ',
    fr: "Quelqu'un d'autre a modifié cette lettre entre-temps (version {x}) : rechargez-la avant d'enregistrer",
    en: 'Someone else changed this letter meanwhile (version {x}): reload it before saving',
  },
} satisfies Record<string, I18nText>;
export type LetterMessage = keyof typeof MESSAGES;

const sayIn = sayer(MESSAGES);
export const say = (language: Language, key: LetterMessage, x: string | number = ''): string => sayIn(language, key, { x });

/** Parses input at the boundary; refused fields named, the message in the caller's language. */
export function validateIn<S extends z.ZodType>(schema: S, input: unknown, language: Language): z.infer<S> {
  return validateLocalized(schema, input, language);
}
