import type { I18nText, MailChannel } from '@diwan/contracts';
import type { Language } from '../shared/language.js';

/** The report's own words in each language (the designer's locales use the same ones for channels and directions). */
const WORDS = {
  title: { ar: 'التقرير الشهري', fr: 'Rapport mensuel', en: 'Monthly report' },
  wholeAdministration: { ar: 'كل المصالح', fr: 'Tous les services', en: 'All departments' },
  administration: { ar: 'الإدارة', fr: 'Administration', en: 'Administration' },
  department: { ar: 'المصلحة', fr: 'Service', en: 'Department' },
  month: { ar: 'الشهر', fr: 'Mois', en: 'Month' },
  generatedAt: { ar: 'تاريخ الإعداد', fr: 'Établi le', en: 'Generated on' },
  received: { ar: 'المراسلات المستلمة', fr: 'Courriers reçus', en: 'Mail received' },
  total: { ar: 'المجموع', fr: 'Total', en: 'Total' },
  byChannel: { ar: 'حسب قناة الاستلام', fr: 'Par canal', en: 'By channel' },
  byDirection: { ar: 'حسب الاتجاه', fr: 'Par sens', en: 'By direction' },
  closing: { ar: 'الإنجاز واحترام الآجال', fr: 'Clôture et respect des délais', en: 'Closing and deadlines' },
  closed: { ar: 'مراسلات منجزة', fr: 'Courriers clôturés', en: 'Mails closed' },
  onTime: { ar: 'منجزة في الأجل', fr: 'Clôturés dans les délais', en: 'Closed on time' },
  onTimeRate: { ar: 'نسبة احترام الآجال', fr: 'Taux de respect des délais', en: 'On-time rate' },
  openAt: { ar: 'المراسلات المفتوحة في', fr: 'Courriers en cours au', en: 'Open mails on' },
  open: { ar: 'مفتوحة', fr: 'En cours', en: 'Open' },
  overdue: { ar: 'متأخرة', fr: 'En retard', en: 'Overdue' },
  bySteps: { ar: 'مدة المعالجة حسب المرحلة', fr: 'Temps de traitement par étape', en: 'Processing time per step' },
  byPerson: { ar: 'مدة المعالجة حسب الموظف', fr: 'Temps de traitement par personne', en: 'Processing time per person' },
  step: { ar: 'المرحلة', fr: 'Étape', en: 'Step' },
  circuit: { ar: 'المسار', fr: 'Circuit', en: 'Circuit' },
  person: { ar: 'الموظف', fr: 'Personne', en: 'Person' },
  count: { ar: 'العدد', fr: 'Nombre', en: 'Count' },
  average: { ar: 'المعدل', fr: 'Moyenne', en: 'Average' },
  p90: { ar: 'المئين التسعون', fr: '9e décile', en: '90th percentile' },
  none: { ar: 'لا شيء في هذا الشهر', fr: 'Rien ce mois-ci', en: 'Nothing this month' },
  section: { ar: 'القسم', fr: 'Section', en: 'Section' },
  item: { ar: 'البند', fr: 'Élément', en: 'Item' },
  value: { ar: 'القيمة', fr: 'Valeur', en: 'Value' },
  page: { ar: 'صفحة', fr: 'Page', en: 'Page' },
  of: { ar: 'من', fr: 'sur', en: 'of' },
  hours: { ar: 'ساعات', fr: 'heures', en: 'hours' },
  direction: { ar: 'الاتجاه', fr: 'Sens', en: 'Direction' },
  channel: { ar: 'القناة', fr: 'Canal', en: 'Channel' },
} as const satisfies Record<string, I18nText>;

export type ReportWord = keyof typeof WORDS;

export const CHANNEL_LABELS: Record<MailChannel, I18nText> = {
  counter: { ar: 'الشباك', fr: 'Guichet', en: 'Counter' },
  post: { ar: 'البريد', fr: 'Poste', en: 'Post' },
  email: { ar: 'البريد الإلكتروني', fr: 'Courriel', en: 'E-mail' },
  fax: { ar: 'الفاكس', fr: 'Fax', en: 'Fax' },
  portal: { ar: 'البوابة الإلكترونية', fr: 'Portail en ligne', en: 'Online portal' },
  administration: { ar: 'إدارة أخرى', fr: 'Autre administration', en: 'Other administration' },
};

/** The report's words in one language. */
export function reportWords(language: Language): (word: ReportWord) => string {
  return (word) => WORDS[word][language];
}
