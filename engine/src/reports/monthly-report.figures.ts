import type { DashboardDto, I18nText, MonthlyReportDto, SessionUser } from '@diwan/contracts';
import { dashboardFigures } from '../dashboard/dashboard.figures.js';
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
 * read models by the dashboard's own function, over the month's days: received, durations and
 * compliance as the dashboard counts them, so both always agree. Open work is the dashboard's
 * current state (the read models keep no past snapshot), dated when it was read.
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
  // "received this month" that month; the durations and compliance follow the explicit range.
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
    closed: closedInMonth(inMonth, query.month),
    open: { total: openNow.open.total, overdue: openNow.open.overdue, asOf: now.toISOString() },
    durations: { bySteps: inMonth.durations.bySteps, byPerson: inMonth.durations.byPerson },
  };
}

/**
 * Compliance is counted per ISO week: a month takes the weeks whose Monday falls in it, so that each
 * closure belongs to exactly one month (the months of a year add up to the year).
 */
function closedInMonth(figures: DashboardDto, month: string): MonthlyReportDto['closed'] {
  return figures.compliance.map((series) => {
    const points = series.points.filter((p) => p.week.startsWith(month));
    const closed = points.reduce((s, p) => s + p.closed, 0);
    const onTime = points.reduce((s, p) => s + p.onTime, 0);
    return { key: series.department, label: series.label, closed, onTime, onTimeRate: closed ? onTime / closed : null };
  });
}

async function administrationName(configured: Partial<I18nText>, language: Language): Promise<string> {
  return configured[language] || pick(configured, language) || pick(await rootDepartmentName(), language) || 'Diwan';
}

/** The month's first instant and the next month's first instant in the administration's time zone. */
function monthInstants(month: string, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(`${month}-01`, timeZone).toISOString(), to: startOfDay(addDays(lastDayOfMonth(month), 1), timeZone).toISOString() };
}
