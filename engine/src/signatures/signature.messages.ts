import type { I18nText } from '@diwan/contracts';
import { pick, type Language } from '../shared/language.js';

/** What signing says to people, in ar, fr and en. */
const MESSAGES = {
  badKey: {
    ar: 'تعذر فتح ملف الشهادة (PKCS#12): كلمة السر خاطئة أو الملف غير صالح',
    fr: 'Le certificat (PKCS#12) ne peut pas être ouvert : mot de passe erroné ou fichier invalide',
    en: 'The certificate (PKCS#12) could not be opened: wrong password or invalid file',
  },
  noKey: {
    ar: 'أرسل ملف الشهادة (p12) وكلمة السر، أو اطلب ختم الإدارة',
    fr: "Envoyez le certificat (p12) et son mot de passe, ou demandez le sceau de l'administration",
    en: "Send the certificate (p12) and its password, or ask for the administration's seal",
  },
  notYourStep: {
    ar: 'لا توجد لديك خطوة توقيع مفتوحة لهذه المراسلة',
    fr: "Vous n'avez pas d'étape de signature ouverte pour ce courrier",
    en: 'You have no open signature step for this mail',
  },
  sealNotAllowed: {
    ar: 'لا تسمح هذه الخطوة بالتوقيع بختم الإدارة',
    fr: "Cette étape ne permet pas de signer avec le sceau de l'administration",
    en: "This step does not allow signing with the administration's seal",
  },
  noSeal: {
    ar: 'ختم الإدارة غير مهيأ على الخادم',
    fr: "Le sceau de l'administration n'est pas configuré sur le serveur",
    en: "The administration's seal is not configured on the server",
  },
  signFirst: {
    ar: 'وقّع الرسالة قبل إتمام هذه الخطوة',
    fr: 'Signez le courrier avant de terminer cette étape',
    en: 'Sign the letter before completing this step',
  },
} satisfies Record<string, I18nText>;

export type SignatureMessage = keyof typeof MESSAGES;

export const signatureMessage = (key: SignatureMessage, language: Language) => pick(MESSAGES[key], language);
