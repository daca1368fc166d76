import type { DashboardPeriod } from '@diwan/contracts';

/** A calendar day `YYYY-MM-DD` in the administration's time zone. */
export type Day = string;

/** An explicit range of days, both ends included: what every figure is computed over. */
export interface DayRange {
  from: Day;
  to: Day;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The administration's day of an instant ("today" in Tunis is not today in UTC at 23:30Z). */
export function dayOf(at: Date, timeZone: string): Day {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
}

/** A deadline's day: due dates are stored as the end (23:59:59.999 UTC) of the day they name. */
export const dueDayOf = (due: Date | string | null): Day | null => (due ? new Date(due).toISOString().slice(0, 10) : null);

const utc = (day: Day) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: Day, n: number): Day => new Date(utc(day) + n * DAY_MS).toISOString().slice(0, 10);

/** The ISO week of a day, by its Monday. */
export function weekOf(day: Day): Day {
  const weekday = (new Date(utc(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** Every day of a range, in order. */
export function daysOf(range: DayRange): Day[] {
  const days: Day[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** A range as whole months (`YYYY-MM`) and the days left over: year figures read ≤ 12 + 60 documents, not 365. */
export function monthsAndDays(range: DayRange): { months: string[]; days: Day[] } {
  const months: string[] = [];
  const days: Day[] = [];
  let d = range.from;
  while (d <= range.to) {
    const month = d.slice(0, 7);
    const last = lastDayOfMonth(month);
    if (d.endsWith('-01') && last <= range.to) {
      months.push(month);
      d = addDays(last, 1);
    } else {
      days.push(d);
      d = addDays(d, 1);
    }
  }
  return { months, days };
}

export const lastDayOfMonth = (month: string): Day => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The days a period covers, up to today. */
export function periodRange(period: DashboardPeriod, today: Day): DayRange {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: weekOf(today), to: today };
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'quarter':
      return { from: `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`, to: today };
    case 'year':
      return { from: `${y}-01-01`, to: today };
  }
}

/** The instant a day starts in the time zone (for the range the answer states). */
export function startOfDay(day: Day, timeZone: string): Date {
  const guess = utc(day);
  // the zone's offset at that moment: how far its wall clock is from UTC
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(guess - (wall - guess));
}

export function rangeInstants(range: DayRange, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(range.from, timeZone).toISOString(), to: new Date(startOfDay(addDays(range.to, 1), timeZone).getTime() - 1).toISOString() };
}
