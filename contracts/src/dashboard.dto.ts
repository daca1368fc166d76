import { z } from 'zod';
import type { MailChannel, MailDirection } from './mail.schema.js';

/**
 * The supervision dashboard (`GET /api/dashboard`). Every figure comes from read models that the
 * domain events keep up to date (counters by day, open work by due day, duration histograms),
 * never from a scan of the mails or the runtime's history.
 */
export const DASHBOARD_PERIODS = ['today', 'week', 'month', 'quarter', 'year'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export const dashboardQuerySchema = z.object({
  /** The period the durations, compliance and activity figures cover (received counts always give today/week/month). */
  period: z.enum(DASHBOARD_PERIODS).default('month'),
  department: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/).optional(),
  circuit: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/).optional(),
  mailType: z.string().trim().max(60).optional(),
  /** "At risk": open with a deadline within this many days (default 3). */
  riskDays: z.coerce.number().int().min(1).max(60).default(3),
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

/** A count split by a key (a channel, a direction, a department code, a username). */
export type CountBy<K extends string = string> = Partial<Record<K, number>>;

export interface ReceivedFigures {
  total: number;
  byChannel: CountBy<MailChannel>;
  byDirection: CountBy<MailDirection>;
}

/** Open mails (with at least one open task) of a department or a person, and how many are late. */
export interface OpenWorkRow {
  /** A department code or a username. */
  key: string;
  /** Department name or the person's display name, in the caller's language. */
  label: string;
  open: number;
  overdue: number;
  atRisk: number;
}

/** Time spent in a step (user task), from its creation to its completion. */
export interface DurationRow {
  /** `circuitKey:taskDefinitionKey` for steps, a department code, or a username. */
  key: string;
  label: string;
  /** For steps: the circuit's name in the caller's language. */
  circuitLabel?: string;
  count: number;
  averageMs: number;
  /** From a duration histogram: the upper bound of the bucket that holds the 90th percentile. */
  p90Ms: number;
}

/** Deadline compliance of a department for one ISO week (Monday). */
export interface CompliancePoint {
  /** The week's Monday, `YYYY-MM-DD` (the page formats it). */
  week: string;
  closed: number;
  onTime: number;
}
export interface ComplianceSeries {
  department: string;
  label: string;
  points: CompliancePoint[];
}

/** One line of the live activity feed; `kind` and the names let the page write the sentence. */
export interface ActivityFeedItem {
  id: string;
  at: string;
  kind: 'mail.registered' | 'userTask.completed' | 'mail.statusChanged' | 'incident.created';
  mailId: string | null;
  chronoNumber: string | null;
  /** Display name of who acted, when a person did. */
  actor: string | null;
  /** The step's name in the caller's language (task completions). */
  stepName: string | null;
  /** The new status (status changes). */
  status: string | null;
  department: string | null;
  departmentLabel: string | null;
}

export interface DashboardDto {
  query: DashboardQuery;
  /** `from`/`to` of the chosen period (ISO), for the page's caption. */
  range: { from: string; to: string };
  received: { today: ReceivedFigures; week: ReceivedFigures; month: ReceivedFigures };
  open: { total: number; overdue: number; atRisk: number; byDepartment: OpenWorkRow[]; byPerson: OpenWorkRow[] };
  durations: { bySteps: DurationRow[]; byDepartment: DurationRow[]; byPerson: DurationRow[] };
  compliance: ComplianceSeries[];
  feed: ActivityFeedItem[];
  computedAt: string;
}

/** Pushed to supervisors' sockets when a figure changed (at most about once a second); the page fetches again. */
export interface DashboardUpdatedEvent {
  at: string;
}

/** The monthly report of a department (`GET /api/reports/monthly`), the same numbers as the dashboard. */
export const monthlyReportQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM'),
  department: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/).optional(),
  format: z.enum(['pdf', 'csv', 'json']).default('pdf'),
});
export type MonthlyReportQuery = z.output<typeof monthlyReportQuerySchema>;

/**
 * The monthly report's figures (`format=json`; the PDF and the CSV show the same). Counted by the
 * dashboard's read models over the month (`range`, in the administration's time zone), so a public
 * statistics page can publish them as they are.
 */
export interface MonthlyReportDto {
  /** `YYYY-MM`. */
  month: string;
  /** From the first day of the month (inclusive) to the first of the next one (exclusive), ISO. */
  range: { from: string; to: string };
  /** The department, named in the caller's language; null for the whole administration. */
  department: { code: string; label: string } | null;
  /** The administration's name in the caller's language. */
  administration: string;
  generatedAt: string;
  received: ReceivedFigures;
  /**
   * Mails whose work ended in the month and how many within their deadline, per department that held
   * them (the dashboard's compliance; one row in a department's report). A mail held by two
   * departments counts in both rows, so the rows are not summed.
   */
  closed: { key: string; label: string; closed: number; onTime: number; onTimeRate: number | null }[];
  /** Open and overdue mails at `asOf`: the month's end, or the generation time for the current month. */
  open: { total: number; overdue: number; asOf: string };
  durations: { bySteps: DurationRow[]; byPerson: DurationRow[] };
}
