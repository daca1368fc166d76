import { dashboardQuerySchema, type DashboardQuery } from '@diwan/contracts';
import { BadInputError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';

const FIELD_NAMES: Record<string, Record<Language, string>> = {
  period: { ar: 'الفترة', fr: 'période', en: 'period' },
  department: { ar: 'الإدارة', fr: 'service', en: 'department' },
  circuit: { ar: 'المسار', fr: 'circuit', en: 'circuit' },
  mailType: { ar: 'نوع المراسلة', fr: 'type de courrier', en: 'mail type' },
  riskDays: { ar: 'أيام الخطر', fr: 'jours de risque', en: 'days at risk' },
};
const INVALID: Record<Language, (field: string) => string> = {
  ar: (f) => `قيمة غير صالحة: ${f}`,
  fr: (f) => `Valeur invalide : ${f}`,
  en: (f) => `Invalid value: ${f}`,
};

/** The dashboard's query, checked at the boundary; a bad field is named in the caller's language. */
export function parseDashboardQuery(raw: unknown, language: Language): DashboardQuery {
  const parsed = dashboardQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => {
    const field = i.path.join('.') || '(root)';
    return { field, message: INVALID[language](FIELD_NAMES[field]?.[language] ?? field) };
  });
  throw new BadInputError(fields.map((f) => f.message).join('; '), { fields });
}
