import type { DashboardDto, I18nText, MonthlyReportDto, SessionUser } from '@diwan/contracts';
import { dashboardFigures, monthlyCompliance } from '../dashboard/dashboard.figures.js';
import { addDays, dayOf, lastDayOfMonth, startOfDay } from '../dashboard/dashboard.time.js';
import { departmentNames, rootDepartmentName } from '../departments/department.service.js';
import { BadInputError, NotFoundError } from '../shared/errors.js';
import { pick, type Language } from '../shared/language.js';
import { say } from './report.messages.js';
import { reportDepartment } from './report.rights.js';

const FIRST_MONTH = '2000-01';

export interface ReportSettings {
  timeZone: string;
  /** The administration's name as configured (empty languages fall back on the root department's name). */
  administration: Partial<I18nText>;
}

/**
 * A month's figures for one department (or the whole administration), read from the dashboard's
 * read models by the dashboard's own functions, over the month's days: received, durations and
 * deadline compliance (its `comp:<YYYY-MM>` counters) as the dashboard counts them, so both
 * agree. Open work is the dashboard's current state (the read models keep no past snapshot),
 * dated when it was read.
 */
export async function monthlyReportFigures(
  query: { month: string; department?: string | undefined },
  viewer: SessionUser,
  language: Language,
  settings: ReportSettings,
  now = new Date(),
): Promise<MonthlyReportDto> {
  const today = dayOf(now, settings.timeZone);
  const current = today.slice(0, 7);
  // the calendar helpers (and the registry) start long after year 100; no mail is older than this
  if (query.month < FIRST_MONTH) throw new BadInputError(say(language, 'tooOld'), { fields: [{ field: 'month', message: say(language, 'tooOld') }] });
  if (query.month > current) throw new BadInputError(say(language, 'notBegun'), { fields: [{ field: 'month', message: say(language, 'notBegun') }] });
  const department = reportDepartment(viewer, query.department, language);
  const names = await departmentNames();
  if (department && !names.has(department)) throw new NotFoundError(say(language, 'unknownDepartment'));

  const isCurrent = query.month === current;
  const to = isCurrent ? today : lastDayOfMonth(query.month);
  const dashboardQuery = { period: 'month' as const, riskDays: 3, ...(department ? { department } : {}) };
  // "Now" on the month's last day (noon, in any time zone the same day) makes the dashboard's
  // "received this month" that month; the durations follow the explicit range.
  const monthNow = isCurrent ? now : new Date(`${to}T12:00:00Z`);
  const inMonth = await dashboardFigures(dashboardQuery, viewer, language, { timeZone: settings.timeZone, range: { from: `${query.month}-01`, to }, now: monthNow });
  const openNow: DashboardDto = isCurrent ? inMonth : await dashboardFigures(dashboardQuery, viewer, language, { timeZone: settings.timeZone, now });

  const administration = await administrationName(settings.administration, language);
  return {
    month: query.month,
    range: monthInstants(query.month, settings.timeZone),
    department: department ? { code: department, label: pick(names.get(department), language) || department } : null,
    administration,
    generatedAt: now.toISOString(),
    received: inMonth.received.month,
    closed: (await monthlyCompliance(query.month, (d) => d !== null && (!department || d === department), () => true)).map((r) => ({
      key: r.department,
      label: pick(names.get(r.department), language) || r.department,
      closed: r.closed,
      onTime: r.onTime,
      onTimeRate: r.closed ? r.onTime / r.closed : null,
    })),
    open: { total: openNow.open.total, overdue: openNow.open.overdue, asOf: now.toISOString() },
    durations: { bySteps: inMonth.durations.bySteps, byPerson: inMonth.durations.byPerson },
  };
}

async function administrationName(configured: Partial<I18nText>, language: Language): Promise<string> {
  return configured[language] || pick(configured, language) || pick(await rootDepartmentName(), language) || 'Diwan';
}

/** The month's first instant and the next month's first instant in the administration's time zone. */
function monthInstants(month: string, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(`${month}-01`, timeZone).toISOString(), to: startOfDay(addDays(lastDayOfMonth(month), 1), timeZone).toISOString() };
}
