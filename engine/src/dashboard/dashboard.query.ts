import { dashboardQuerySchema, type DashboardQuery } from '@diwan/contracts';
import type { Language } from '../shared/language.js';
import { validateIn } from '../shared/localized.js';

const FIELD_NAMES = {
  period: { ar: 'الفترة', fr: 'Période', en: 'Period' },
  department: { ar: 'الإدارة', fr: 'Service', en: 'Department' },
  circuit: { ar: 'المسار', fr: 'Circuit', en: 'Circuit' },
  mailType: { ar: 'نوع المراسلة', fr: 'Type de courrier', en: 'Mail type' },
  riskDays: { ar: 'أيام الخطر', fr: 'Jours de risque', en: 'Days at risk' },
};

/** The dashboard's query, checked at the boundary; a bad field is named in the caller's language. */
export const parseDashboardQuery = (raw: unknown, language: Language): DashboardQuery => validateIn(dashboardQuerySchema, raw, language, FIELD_NAMES);
