import type { ComplianceSeries, CountBy, DashboardDto, DashboardQuery, DurationRow, I18nText, OpenWorkRow, ReceivedFigures, SessionUser } from '@diwan/contracts';
import { departmentNames } from '../departments/department.service.js';
import { pick, type Language } from '../shared/language.js';
import { displayNames } from '../users/user.service.js';
import { addHistogram, cellKey, cellParts, percentileMs, type Histogram } from './dashboard.cells.js';
import { feedItems } from './dashboard.feed.js';
import { DashboardCounterModel, DashboardMetaModel, DashboardOpenWorkModel, type CounterDoc } from './dashboard.model.js';
import { addDays, dayOf, daysOf, monthsAndDays, periodRange, rangeInstants, weekOf, type DayRange } from './dashboard.time.js';
import { departmentScope, mayReadNumber } from './dashboard.viewer.js';

export interface FigureOptions {
  timeZone: string;
  /** An explicit range (a monthly report); by default the query's period up to today. */
  range?: DayRange;
  now?: Date;
}

type Cells = Record<string, unknown>;
const mapOf = (doc: CounterDoc | undefined, name: string) => (doc?.[name] ?? {}) as Cells;
const byId = async (ids: string[]) => new Map((await DashboardCounterModel.find({ _id: { $in: ids } }).lean<CounterDoc[]>()).map((d) => [d._id, d]));

/**
 * The dashboard's figures for a viewer: every document read by _id (≤ 31 days of received mail,
 * ≤ 12 months + 31 days of durations, the weeks of compliance), open work from one small
 * collection (a document per department and per person), labels in the caller's language.
 */
export async function dashboardFigures(query: DashboardQuery, viewer: SessionUser, language: Language, options: FigureOptions): Promise<DashboardDto> {
  const scope = departmentScope(viewer, query.department);
  const now = options.now ?? new Date();
  const today = dayOf(now, options.timeZone);
  const range = options.range ?? periodRange(query.period, today);
  const match = (circuit: string | null, mailType: string | null) => (!query.circuit || circuit === query.circuit) && (!query.mailType || mailType === query.mailType);
  const inScope = (dept: string | null) => !scope || (dept !== null && scope.includes(dept));

  const [received, open, durations, compliance, feed, depts, labels] = await Promise.all([
    receivedFigures(today, scope, match),
    openWork(today, query.riskDays, scope, match),
    durationFigures(range, inScope, match),
    complianceFigures(range, inScope, match),
    feedItems(),
    departmentNames(),
    DashboardMetaModel.findById('labels').lean<CounterDoc>(),
  ]);
  const people = await displayNames([...open.byPerson.map((r) => r.key), ...durations.byPerson.map((r) => r.key), ...feed.flatMap((f) => (f.actor ? [f.actor] : []))]);
  const deptLabel = (code: string | null) => (code ? pick(depts.get(code), language) || code : null);
  const nameIn = (kind: 'steps' | 'circuits', key: string) => pick(mapOf(labels ?? undefined, kind)[cellKey(key)] as I18nText | undefined, language);
  open.byDepartment.forEach((r) => (r.label = deptLabel(r.key) ?? r.key));
  open.byPerson.forEach((r) => (r.label = people.get(r.key) ?? r.key));
  durations.byDepartment.forEach((r) => (r.label = deptLabel(r.key) ?? r.key));
  durations.byPerson.forEach((r) => (r.label = people.get(r.key) ?? r.key));
  durations.bySteps.forEach((r) => {
    const circuit = r.key.slice(0, r.key.lastIndexOf(':'));
    r.label = nameIn('steps', r.key) || r.key.slice(r.key.lastIndexOf(':') + 1);
    r.circuitLabel = nameIn('circuits', circuit) || circuit;
  });
  compliance.forEach((s) => (s.label = deptLabel(s.department) ?? s.department));

  const visibleFeed = feed
    .filter((f) => (!scope || f.departments.some((d) => scope.includes(d))) && match(f.circuit, f.mailType))
    .slice(0, 50)
    .map((f) => ({
      id: f.id,
      at: f.at,
      kind: f.kind,
      mailId: mayReadNumber(viewer, f.rights) ? f.mailId : null,
      chronoNumber: mayReadNumber(viewer, f.rights) ? f.chronoNumber : null,
      actor: f.actor ? (people.get(f.actor) ?? f.actor) : null,
      stepName: f.stepNames ? pick(f.stepNames, language) : null,
      status: f.status,
      department: f.department,
      departmentLabel: deptLabel(f.department),
    }));
  return { query, range: rangeInstants(range, options.timeZone), received, open, durations, compliance, feed: visibleFeed, computedAt: now.toISOString() };
}

export type Match = (circuit: string | null, mailType: string | null) => boolean;

async function receivedFigures(today: string, scope: string[] | null, match: Match): Promise<DashboardDto['received']> {
  const ranges = { today: { from: today, to: today }, week: { from: weekOf(today), to: today }, month: { from: `${today.slice(0, 7)}-01`, to: today } };
  const days = [...new Set([...daysOf(ranges.week), ...daysOf(ranges.month)])];
  const docs = await byId(days.map((d) => `recv:${d}`));
  const figures = (r: DayRange): ReceivedFigures => {
    const out = { total: 0, byChannel: {} as CountBy<string>, byDirection: {} as CountBy<string> };
    for (const day of daysOf(r)) {
      const doc = docs.get(`recv:${day}`);
      const cells = Object.entries(mapOf(doc, scope ? 'dept' : 'all'));
      for (const [key, count] of cells) {
        const parts = cellParts(key);
        if (scope && !scope.includes(parts.shift() ?? '')) continue;
        const [direction, channel, mailType, circuit] = parts;
        if (!match(circuit ?? null, mailType ?? null) || typeof count !== 'number' || !count) continue;
        out.total += count;
        if (channel) out.byChannel[channel] = (out.byChannel[channel] ?? 0) + count;
        if (direction) out.byDirection[direction] = (out.byDirection[direction] ?? 0) + count;
      }
    }
    return out as ReceivedFigures;
  };
  return { today: figures(ranges.today), week: figures(ranges.week), month: figures(ranges.month) };
}

async function openWork(today: string, riskDays: number, scope: string[] | null, match: Match): Promise<DashboardDto['open']> {
  const riskEnd = addDays(today, riskDays);
  const docs = await DashboardOpenWorkModel.find({}).lean<CounterDoc[]>();
  const row = (key: string, cells: [string, unknown][], withDept: boolean): OpenWorkRow => {
    const r: OpenWorkRow = { key, label: key, open: 0, overdue: 0, atRisk: 0 };
    for (const [cell, count] of cells) {
      const parts = cellParts(cell);
      if (withDept && !scope!.includes(parts.shift() ?? '')) continue;
      const [circuit, mailType, dueDay] = parts;
      if (!match(circuit ?? null, mailType ?? null) || typeof count !== 'number' || count <= 0) continue;
      r.open += count;
      if (dueDay && dueDay < today) r.overdue += count;
      else if (dueDay && dueDay <= riskEnd) r.atRisk += count;
    }
    return r;
  };
  const byDepartment: OpenWorkRow[] = [];
  const byPerson: OpenWorkRow[] = [];
  let total: OpenWorkRow = { key: 'all', label: '', open: 0, overdue: 0, atRisk: 0 };
  for (const doc of docs) {
    if (doc._id === 'all') {
      if (!scope) total = row('all', Object.entries(mapOf(doc, 'all')), false);
    } else if (doc._id.startsWith('dept:')) {
      const code = doc._id.slice(5);
      if (!scope || scope.includes(code)) byDepartment.push(row(code, Object.entries(mapOf(doc, 'all')), false));
    } else if (doc._id.startsWith('user:')) {
      byPerson.push(scope ? row(doc._id.slice(5), Object.entries(mapOf(doc, 'dept')), true) : row(doc._id.slice(5), Object.entries(mapOf(doc, 'all')), false));
    }
  }
  if (scope) for (const r of byDepartment) (['open', 'overdue', 'atRisk'] as const).forEach((k) => (total[k] += r[k]));
  const sorted = (rows: OpenWorkRow[]) => rows.filter((r) => r.open > 0).sort((a, b) => b.open - a.open || a.key.localeCompare(b.key));
  return { total: total.open, overdue: total.overdue, atRisk: total.atRisk, byDepartment: sorted(byDepartment), byPerson: sorted(byPerson) };
}

async function durationFigures(range: DayRange, inScope: (d: string | null) => boolean, match: Match): Promise<DashboardDto['durations']> {
  const { months, days } = monthsAndDays(range);
  const docs = [...(await byId([...months, ...days].map((p) => `dur:${p}`))).values()];
  const sums = { step: new Map<string, Histogram>(), dept: new Map<string, Histogram>(), user: new Map<string, Histogram>() };
  for (const doc of docs) {
    for (const kind of ['step', 'dept', 'user'] as const) {
      for (const [cell, hist] of Object.entries(mapOf(doc, kind))) {
        const [key, circuit, mailType, dept] = cellParts(cell);
        if (!key || !match(circuit ?? null, mailType ?? null) || !inScope(kind === 'dept' ? key : (dept ?? null))) continue;
        const into = sums[kind].get(key) ?? sums[kind].set(key, { n: 0, s: 0, h: {} }).get(key)!;
        addHistogram(into, hist as Histogram);
      }
    }
  }
  const rows = (m: Map<string, Histogram>): DurationRow[] =>
    [...m]
      .filter(([, h]) => h.n > 0)
      .map(([key, h]) => ({ key, label: key, count: h.n, averageMs: Math.round(h.s / h.n), p90Ms: percentileMs(h, 0.9) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { bySteps: rows(sums.step), byDepartment: rows(sums.dept), byPerson: rows(sums.user) };
}

async function complianceFigures(range: DayRange, inScope: (d: string | null) => boolean, match: Match): Promise<ComplianceSeries[]> {
  const weeks: string[] = [];
  for (let w = weekOf(range.from); w <= range.to; w = addDays(w, 7)) weeks.push(w);
  const docs = await byId(weeks.map((w) => `comp:${w}`));
  const series = new Map<string, Map<string, { closed: number; onTime: number }>>();
  for (const week of weeks) {
    for (const [cell, value] of Object.entries(mapOf(docs.get(`comp:${week}`), 'all'))) {
      const [dept, circuit, mailType] = cellParts(cell);
      if (!dept || !inScope(dept) || !match(circuit ?? null, mailType ?? null)) continue;
      const points = series.get(dept) ?? series.set(dept, new Map()).get(dept)!;
      const point = points.get(week) ?? points.set(week, { closed: 0, onTime: 0 }).get(week)!;
      const v = value as { closed?: number; onTime?: number };
      point.closed += v.closed ?? 0;
      point.onTime += v.onTime ?? 0;
    }
  }
  return [...series]
    .map(([department, points]) => ({ department, label: department, points: weeks.map((week) => ({ week, ...(points.get(week) ?? { closed: 0, onTime: 0 }) })) }))
    .filter((s) => s.points.some((p) => p.closed > 0))
    .sort((a, b) => a.department.localeCompare(b.department));
}

/** Closed and on-time mails per department in one calendar month (`YYYY-MM`), read from its one document. */
export async function monthlyCompliance(month: string, inScope: (d: string | null) => boolean, match: Match): Promise<{ department: string; closed: number; onTime: number }[]> {
  const docs = await byId([`comp:${month}`]);
  const rows = new Map<string, { closed: number; onTime: number }>();
  for (const [cell, value] of Object.entries(mapOf(docs.get(`comp:${month}`), 'all'))) {
    const [dept, circuit, mailType] = cellParts(cell);
    if (!dept || !inScope(dept) || !match(circuit ?? null, mailType ?? null)) continue;
    const row = rows.get(dept) ?? rows.set(dept, { closed: 0, onTime: 0 }).get(dept)!;
    const v = value as { closed?: number; onTime?: number };
    row.closed += v.closed ?? 0;
    row.onTime += v.onTime ?? 0;
  }
  return [...rows].map(([department, r]) => ({ department, ...r })).sort((a, b) => a.department.localeCompare(b.department));
}
