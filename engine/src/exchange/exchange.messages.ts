import type { I18nText } from '@diwan/contracts';
import type { Language } from '../shared/language.js';
import { sayer } from '../shared/localized.js';

/**
 * What the directory's admin routes say to people, in ar, fr and en (`{x}` is filled in). Packages
 * and acknowledgments are between machines: their refusals stay in English, in the logs of both.
 */
const MESSAGES = {
  invalidPeer: { ar: 'بيانات الإدارة غير صالحة: {x}', fr: "Administration invalide : {x}", en: 'Invalid administration: {x}' },
  badKey: { ar: 'المفتاح العمومي ليس مفتاح Ed25519 صالحًا', fr: "La clé publique n'est pas une clé Ed25519 valide", en: 'The public key is not a valid Ed25519 key' },
  ownId: { ar: '{x} هو معرّف هذه الإدارة نفسها', fr: '{x} est l’identifiant de cette administration même', en: '{x} is this administration’s own id' },
  duplicate: { ar: '{x} مسجّلة من قبل في الدليل', fr: '{x} figure déjà dans l’annuaire', en: '{x} is already in the directory' },
  unknown: { ar: 'لا توجد إدارة {x} في الدليل', fr: "Aucune administration {x} dans l'annuaire", en: 'No administration {x} in the directory' },
} satisfies Record<string, I18nText>;

export type ExchangeMessage = keyof typeof MESSAGES;

const say = sayer(MESSAGES);
export const exchangeMessage = (key: ExchangeMessage, language: Language, x = ''): string => say(language, key, { x });
