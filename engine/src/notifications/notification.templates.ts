import type { NotificationTemplate } from '@diwan/contracts';

export type NotificationLanguage = 'ar' | 'fr' | 'en';

/** A template in one language: the e-mail subject and the text (SMS, e-mail body, bell sentence). `{name}` is a value. */
export interface TemplateText {
  subject: string;
  text: string;
}

/**
 * The notification templates, in ar, fr and en. Values: code, chronoNumber, trackingCode,
 * trackingUrl, subject, dueDate, taskName, administration. Kept short: an Arabic SMS of more than
 * 70 characters is sent as one long message (message_payload).
 */
/** Values that are secrets: kept only until the message is sent, then masked in what is stored. */
export const SECRET_VALUES: Partial<Record<NotificationTemplate, string[]>> = { 'deposit.confirmationCode': ['code'] };

export const NOTIFICATION_TEXTS: Record<NotificationTemplate, Record<NotificationLanguage, TemplateText>> = {
  'deposit.confirmationCode': {
    ar: { subject: 'رمز تأكيد الإيداع', text: 'رمز تأكيد إيداعك: {code}. لا تشاركه مع أحد.' },
    fr: { subject: 'Code de confirmation du dépôt', text: 'Votre code de confirmation du dépôt : {code}. Ne le communiquez à personne.' },
    en: { subject: 'Deposit confirmation code', text: 'Your deposit confirmation code: {code}. Do not share it with anyone.' },
  },
  'deposit.registered': {
    ar: { subject: 'تم تسجيل مراسلتك {chronoNumber}', text: 'تم تسجيل مراسلتك تحت عدد {chronoNumber}. رمز المتابعة: {trackingCode}. {trackingUrl}' },
    fr: { subject: 'Votre courrier {chronoNumber} est enregistré', text: 'Votre courrier est enregistré sous le numéro {chronoNumber}. Code de suivi : {trackingCode}. {trackingUrl}' },
    en: { subject: 'Your mail {chronoNumber} is registered', text: 'Your mail is registered under number {chronoNumber}. Tracking code: {trackingCode}. {trackingUrl}' },
  },
  'information.requested': {
    ar: { subject: 'طلب معلومات إضافية: {chronoNumber}', text: 'تطلب الإدارة معلومات إضافية حول مراسلتك {chronoNumber}. أجب من صفحة المتابعة برمز {trackingCode}. {trackingUrl}' },
    fr: { subject: 'Informations demandées : {chronoNumber}', text: "L'administration demande des informations sur votre courrier {chronoNumber}. Répondez depuis la page de suivi avec le code {trackingCode}. {trackingUrl}" },
    en: { subject: 'Information requested: {chronoNumber}', text: 'The administration asks for more information about your mail {chronoNumber}. Answer on the tracking page with code {trackingCode}. {trackingUrl}' },
  },
  'answer.available': {
    ar: { subject: 'الرد على مراسلتك {chronoNumber} متاح', text: 'الرد على مراسلتك {chronoNumber} متاح على صفحة المتابعة برمز {trackingCode}. {trackingUrl}' },
    fr: { subject: 'La réponse à votre courrier {chronoNumber} est disponible', text: 'La réponse à votre courrier {chronoNumber} est disponible sur la page de suivi avec le code {trackingCode}. {trackingUrl}' },
    en: { subject: 'The answer to your mail {chronoNumber} is available', text: 'The answer to your mail {chronoNumber} is available on the tracking page with code {trackingCode}. {trackingUrl}' },
  },
  'deadline.reminder': {
    ar: { subject: 'تذكير: المراسلة {chronoNumber}', text: 'تذكير: يحل أجل معالجة المراسلة {chronoNumber} ({subject}) يوم {dueDate}.' },
    fr: { subject: 'Rappel : courrier {chronoNumber}', text: 'Rappel : le courrier {chronoNumber} ({subject}) doit être traité avant le {dueDate}.' },
    en: { subject: 'Reminder: mail {chronoNumber}', text: 'Reminder: mail {chronoNumber} ({subject}) must be handled by {dueDate}.' },
  },
  'deadline.escalation': {
    ar: { subject: 'تجاوز الأجل: المراسلة {chronoNumber}', text: 'تجاوزت المراسلة {chronoNumber} ({subject}) أجل معالجتها ({dueDate}). يرجى التدخل.' },
    fr: { subject: 'Délai dépassé : courrier {chronoNumber}', text: 'Le courrier {chronoNumber} ({subject}) a dépassé son délai ({dueDate}). Une intervention est attendue.' },
    en: { subject: 'Deadline passed: mail {chronoNumber}', text: 'Mail {chronoNumber} ({subject}) is past its deadline ({dueDate}). Please step in.' },
  },
  'task.assigned': {
    ar: { subject: 'مهمة جديدة', text: 'أسندت إليك مهمة «{taskName}» للمراسلة {chronoNumber}.' },
    fr: { subject: 'Nouvelle tâche', text: 'La tâche « {taskName} » du courrier {chronoNumber} vous est confiée.' },
    en: { subject: 'New task', text: 'The task "{taskName}" for mail {chronoNumber} is now yours.' },
  },
};
