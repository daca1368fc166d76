import { DASHBOARD_PERIODS, type DashboardPeriod } from '@diwan/contracts';

/** The dashboard's filters as they sit in the URL, so that a view can be bookmarked and shared. */
export interface DashboardFilters {
  period: DashboardPeriod;
  department: string;
  circuit: string;
  mailType: string;
  riskDays: number;
}

export const DEFAULT_PERIOD: DashboardPeriod = 'month';
export const DEFAULT_RISK_DAYS = 3;
export const RISK_DAYS_CHOICES = [1, 2, 3, 5, 7, 14, 30] as const;

export function filtersOf(params: URLSearchParams): DashboardFilters {
  const period = params.get('period');
  const riskDays = Number(params.get('riskDays'));
  return {
    period: (DASHBOARD_PERIODS as readonly string[]).includes(period ?? '') ? (period as DashboardPeriod) : DEFAULT_PERIOD,
    department: params.get('department') ?? '',
    circuit: params.get('circuit') ?? '',
    mailType: params.get('mailType') ?? '',
    riskDays: Number.isInteger(riskDays) && riskDays >= 1 && riskDays <= 60 ? riskDays : DEFAULT_RISK_DAYS,
  };
}

/** The URL of these filters; defaults are left out so that the plain `/dashboard` stays plain. */
export function paramsOf(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period !== DEFAULT_PERIOD) params.set('period', filters.period);
  if (filters.department) params.set('department', filters.department);
  if (filters.circuit) params.set('circuit', filters.circuit);
  if (filters.mailType) params.set('mailType', filters.mailType);
  if (filters.riskDays !== DEFAULT_RISK_DAYS) params.set('riskDays', String(filters.riskDays));
  return params;
}

/** `GET /api/dashboard` for these filters. */
export function dashboardPath(filters: DashboardFilters): string {
  const query = paramsOf(filters);
  query.set('period', filters.period);
  query.set('riskDays', String(filters.riskDays));
  return `/api/dashboard?${query.toString()}`;
}
