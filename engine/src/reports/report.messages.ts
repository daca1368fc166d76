import { monthlyReportQuerySchema, type I18nText, type MonthlyReportQuery } from '@diwan/contracts';
import type { Language } from '../shared/language.js';
import { badField, sayer, validateIn } from '../shared/localized.js';

/** What the reports say to people, in ar, fr and en; `{x}` marks a value filled in. */
const MESSAGES = {
  month: { ar: 'الشهر غير صالح (السنة-الشهر، مثل 2026-03)', fr: 'Mois invalide (AAAA-MM, par exemple 2026-03)', en: 'Invalid month (YYYY-MM, e.g. 2026-03)' },
  department: { ar: 'رمز المصلحة غير صالح', fr: 'Code de service invalide', en: 'Invalid department code' },
  format: { ar: 'الصيغة: pdf أو csv أو json', fr: 'Format : pdf, csv ou json', en: 'Format: pdf, csv or json' },
  unknownField: { ar: 'حقل غير معروف: {x}', fr: 'Champ inconnu : {x}', en: 'Unknown field: {x}' },
  tooOld: { ar: 'لا تقارير قبل سنة 2000', fr: "Pas de rapport avant l'an 2000", en: 'No reports before the year 2000' },
  notBegun: { ar: 'لم يبدأ هذا الشهر بعد', fr: "Ce mois n'a pas encore commencé", en: 'This month has not begun yet' },
  forbidden: { ar: 'التقارير متاحة للمشرفين ومسؤولي المتابعة ورؤساء المصالح فقط', fr: 'Les rapports sont réservés aux administrateurs, superviseurs et chefs de service', en: 'Reports are for admins, supervisors and heads of department' },
  notYours: { ar: 'هذه المصلحة ليست من مصالحك', fr: "Ce service n'est pas l'un des vôtres", en: 'This department is not one of yours' },
  chooseDepartment: { ar: 'اختر إحدى مصالحك', fr: 'Choisissez un de vos services', en: 'Choose one of your departments' },
  unknownDepartment: { ar: 'لا توجد مصلحة بهذا الرمز', fr: 'Aucun service avec ce code', en: 'No department with this code' },
} satisfies Record<string, I18nText>;
export type ReportMessage = keyof typeof MESSAGES;

export const say = sayer(MESSAGES);

const QUERY_FIELDS = new Set(['month', 'department', 'format']);

/** The report's query, checked at the boundary; each bad field named in the caller's language. */
export function parseReportQuery(raw: unknown, language: Language): MonthlyReportQuery {
  const unknown = Object.keys((raw ?? {}) as object).filter((k) => !QUERY_FIELDS.has(k));
  if (unknown.length) throw badField(language, unknown[0]!, say(language, 'unknownField', { x: unknown.join(', ') }));
  return validateIn(monthlyReportQuerySchema, raw, language, {}, (issue) => {
    const field = String(issue.path[0] ?? 'month');
    return QUERY_FIELDS.has(field) ? say(language, field as 'month' | 'department' | 'format') : undefined;
  });
}
