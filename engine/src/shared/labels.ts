import type { I18nText, MailDirection, MailPriority, MailStatus } from '@diwan/contracts';

/** The vocabulary's words in each language, for texts the engine writes (forms, timelines); the same words as the designer's locales. */
export const PRIORITY_LABELS: Record<MailPriority, I18nText> = {
  low: { ar: 'منخفضة', fr: 'Basse', en: 'Low' },
  normal: { ar: 'عادية', fr: 'Normale', en: 'Normal' },
  high: { ar: 'مرتفعة', fr: 'Haute', en: 'High' },
  urgent: { ar: 'عاجلة', fr: 'Urgente', en: 'Urgent' },
};

export const DIRECTION_LABELS: Record<MailDirection, I18nText> = {
  incoming: { ar: 'واردة', fr: 'Arrivée', en: 'Incoming' },
  outgoing: { ar: 'صادرة', fr: 'Départ', en: 'Outgoing' },
  internal: { ar: 'داخلية', fr: 'Interne', en: 'Internal' },
};

export const STATUS_LABELS: Record<MailStatus, I18nText> = {
  draft: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' },
  registered: { ar: 'مسجّلة', fr: 'Enregistré', en: 'Registered' },
  triaged: { ar: 'محالة', fr: 'Imputé', en: 'Assigned' },
  in_progress: { ar: 'قيد المعالجة', fr: 'En traitement', en: 'In progress' },
  validated: { ar: 'مصادق عليها', fr: 'Validé', en: 'Validated' },
  answered: { ar: 'تمت الإجابة', fr: 'Répondu', en: 'Answered' },
  closed: { ar: 'مغلقة', fr: 'Clôturé', en: 'Closed' },
  archived: { ar: 'مؤرشفة', fr: 'Archivé', en: 'Archived' },
  void: { ar: 'ملغاة', fr: 'Annulé', en: 'Void' },
};

export const YES_NO: Record<'true' | 'false', I18nText> = {
  true: { ar: 'نعم', fr: 'Oui', en: 'Yes' },
  false: { ar: 'لا', fr: 'Non', en: 'No' },
};
