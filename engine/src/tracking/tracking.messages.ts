import type { I18nText } from '@diwan/contracts';
import type { Language } from '../shared/language.js';
import { sayer } from '../shared/localized.js';

/** What the tracking routes say to citizens and staff, in ar, fr and en. */
const MESSAGES = {
  notFound: { ar: 'لا توجد مراسلة بهذا الرمز', fr: 'Aucun courrier avec ce code de suivi', en: 'No mail with this tracking code' },
  nothingRequested: { ar: 'لا تطلب الإدارة حاليا أي معلومات', fr: "L'administration ne demande aucune information en ce moment", en: 'The administration is not asking for information at the moment' },
  alreadyAnswered: { ar: 'تم استلام ردكم على هذا الطلب من قبل', fr: 'Votre réponse à cette demande a déjà été reçue', en: 'Your answer to this request was received already' },
  inProgress: { ar: 'ردكم قيد التسجيل، أعيدوا المحاولة بعد لحظات', fr: "Votre réponse est en cours d'enregistrement : réessayez dans un instant", en: 'Your answer is being recorded: try again in a moment' },
  textRequired: { ar: 'اكتبوا ردكم (5000 حرف على الأكثر)', fr: 'Écrivez votre réponse (5000 caractères au plus)', en: 'Write your answer (5000 characters at most)' },
  notClosed: { ar: 'يتاح الرد للتحميل بعد ختم الملف', fr: 'La réponse se télécharge une fois le dossier clos', en: 'The answer can be downloaded once the file is closed' },
  noAnswer: { ar: 'لا توجد وثيقة رد لهذه المراسلة', fr: "Ce courrier n'a pas de document de réponse", en: 'This mail has no answer document' },
  noTask: {
    ar: 'لا يرفق الرد إلا من بيده مهمة مفتوحة على هذه المراسلة',
    fr: 'Seul qui a une tâche ouverte sur ce courrier peut y joindre la réponse',
    en: 'Only someone holding an open task on this mail may attach its answer',
  },
  oneFile: { ar: 'أرفقوا ملفا واحدا في الحقل file', fr: 'Joignez un seul fichier, dans le champ file', en: 'Attach one file, in the field file' },
} satisfies Record<string, I18nText>;
export type TrackingMessage = keyof typeof MESSAGES;

const sayIn = sayer(MESSAGES);
export const say = (language: Language, key: TrackingMessage): string => sayIn(language, key, {});
