import type { DashboardDto, PublicStatsDto, SessionUser } from '@diwan/contracts';
import { dashboardFigures, monthlyCompliance } from '../dashboard/dashboard.figures.js';
import { dayOf, lastDayOfMonth } from '../dashboard/dashboard.time.js';
import { departmentNames } from '../departments/department.service.js';
import { BadInputError } from '../shared/errors.js';

/** The dashboard read as a supervisor would (every department), for numbers only: never a name of a person. */
const PUBLIC_VIEWER: SessionUser = { username: 'public-stats', displayName: 'public-stats', roles: ['supervisor'], departments: [], language: 'fr' };
const CACHE_MS = 60_000;
const MONTHS_BACK = 12;

/**
 * The public statistics of a month (`GET /api/public/stats`): per department, portal deposits,
 * mails closed and closed by their due date, and the average time of a step handled there. All
 * read from the supervision dashboard's read models through its own functions (no counting of
 * our own), so both agree; cached a minute per month.
 */
export class PublicStatsService {
  private readonly cache = new Map<string, { at: number; stats: Promise<PublicStatsDto> }>();

  constructor(private readonly timeZone: string) {}

  stats(month: string | undefined, now = new Date()): Promise<PublicStatsDto> {
    const current = dayOf(now, this.timeZone).slice(0, 7);
    const chosen = month ?? current;
    if (chosen > current || chosen < monthsBefore(current, MONTHS_BACK)) {
      throw new BadInputError(`month: one of the last ${MONTHS_BACK} months`, { fields: [{ field: 'month', message: `one of the last ${MONTHS_BACK} months` }] });
    }
    const cached = this.cache.get(chosen);
    if (cached && now.getTime() - cached.at < CACHE_MS) return cached.stats;
    const stats = this.compute(chosen, chosen === current, now);
    stats.catch(() => this.cache.delete(chosen));
    this.cache.set(chosen, { at: now.getTime(), stats });
    return stats;
  }

  private async compute(month: string, isCurrent: boolean, now: Date): Promise<PublicStatsDto> {
    const to = isCurrent ? dayOf(now, this.timeZone) : lastDayOfMonth(month);
    // "now" on the month's last day makes the dashboard's "received this month" that month (as the monthly report does)
    const options = { timeZone: this.timeZone, range: { from: `${month}-01`, to }, now: isCurrent ? now : new Date(`${to}T12:00:00Z`) };
    const query = { period: 'month' as const, riskDays: 3 };
    const names = await departmentNames();
    const [all, compliance, ...perDepartment] = await Promise.all([
      dashboardFigures(query, PUBLIC_VIEWER, 'fr', options),
      monthlyCompliance(month, (d) => d !== null, () => true),
      ...[...names.keys()].map((department) => dashboardFigures({ ...query, department }, PUBLIC_VIEWER, 'fr', options)),
    ]);
    const averages = new Map(all.durations.byDepartment.map((r) => [r.key, r.averageMs]));
    const closed = new Map(compliance.map((r) => [r.department, r]));
    const departments = [...names].map(([code, name], i) => {
      const figures = perDepartment[i] as DashboardDto;
      const done = closed.get(code) ?? { closed: 0, onTime: 0 };
      return {
        code,
        name: { ar: name.ar, fr: name.fr, en: name.en },
        deposits: figures.received.month.byChannel.portal ?? 0,
        closed: done.closed,
        onTime: done.onTime,
        onTimeRate: done.closed ? done.onTime / done.closed : null,
        averageHandlingMs: averages.get(code) ?? null,
      };
    });
    return {
      month,
      computedAt: now.toISOString(),
      totals: { deposits: all.received.month.byChannel.portal ?? 0 },
      departments: departments.filter((d) => d.deposits || d.closed || d.averageHandlingMs !== null).sort((a, b) => b.deposits - a.deposits || a.code.localeCompare(b.code)),
    };
  }
}

function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
