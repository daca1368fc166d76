import type { I18nText } from '@diwan/contracts';
import { GroupCommit } from '../shared/group-commit.js';
import { bucketOf, cellKey } from './dashboard.cells.js';
import { DashboardCounterModel, DashboardMetaModel, DashboardOpenWorkModel, type MailDims } from './dashboard.model.js';
import { weekOf, type Day } from './dashboard.time.js';

/** Counter writes: `$inc` upserts, one document per day, month or week, found by _id. */

export function receivedIncrements(dims: MailDims): Record<string, number> {
  const inc: Record<string, number> = { [`all.${cellKey(dims.direction, dims.channel, dims.mailType, dims.circuit)}`]: 1 };
  for (const d of dims.departments) inc[`dept.${cellKey(d, dims.direction, dims.channel, dims.mailType, dims.circuit)}`] = 1;
  return inc;
}

/** Counts a received mail on its day; mails counted at the same moment go in one write. */
export function countReceived(day: Day, dims: MailDims): Promise<void> {
  return receivedCounts.add({ day, dims });
}

const receivedCounts = new GroupCommit<{ day: Day; dims: MailDims }, void>(async (mails) => {
  const byDay = new Map<Day, Record<string, number>>();
  for (const { day, dims } of mails) {
    const sum = byDay.get(day) ?? {};
    for (const [cell, n] of Object.entries(receivedIncrements(dims))) sum[cell] = (sum[cell] ?? 0) + n;
    byDay.set(day, sum);
  }
  await DashboardCounterModel.bulkWrite([...byDay].map(([day, $inc]) => ({ updateOne: { filter: { _id: `recv:${day}` }, update: { $inc }, upsert: true } })), { ordered: false });
  return mails.map(() => undefined);
});

/** A finished step's duration, in the histograms of its step, its department and its person. */
export interface CompletedStep {
  stepKey: string;
  circuit: string | null;
  mailType: string | null;
  /** The department the task is counted for (first candidate group, else the person's first department). */
  department: string | null;
  person: string | null;
  ms: number;
}

export function durationIncrements(step: CompletedStep): Record<string, number> {
  const b = bucketOf(step.ms);
  const inc: Record<string, number> = {};
  const hist = (path: string) => {
    inc[`${path}.n`] = 1;
    inc[`${path}.s`] = Math.max(0, Math.round(step.ms));
    inc[`${path}.h.${b}`] = 1;
  };
  hist(`step.${cellKey(step.stepKey, step.circuit, step.mailType, step.department)}`);
  if (step.department) hist(`dept.${cellKey(step.department, step.circuit, step.mailType)}`);
  if (step.person) hist(`user.${cellKey(step.person, step.circuit, step.mailType, step.department)}`);
  return inc;
}

export async function countDuration(day: Day, step: CompletedStep): Promise<void> {
  const $inc = durationIncrements(step);
  await DashboardCounterModel.bulkWrite([day, day.slice(0, 7)].map((id) => ({ updateOne: { filter: { _id: `dur:${id}` }, update: { $inc }, upsert: true } })), { ordered: false });
}

export function complianceIncrements(departments: string[], dims: Pick<MailDims, 'circuit' | 'mailType'>, onTime: boolean): Record<string, number> {
  const inc: Record<string, number> = {};
  for (const d of departments) {
    const cell = cellKey(d, dims.circuit, dims.mailType);
    inc[`all.${cell}.closed`] = 1;
    inc[`all.${cell}.onTime`] = onTime ? 1 : 0;
  }
  return inc;
}

/** The compliance documents a closing day counts in: its ISO week (the dashboard's trend) and its month (the monthly report). */
export const complianceDocs = (day: Day): string[] => [`comp:${weekOf(day)}`, `comp:${day.slice(0, 7)}`];

export async function countCompliance(day: Day, departments: string[], dims: Pick<MailDims, 'circuit' | 'mailType'>, onTime: boolean): Promise<void> {
  if (!departments.length) return;
  const $inc = complianceIncrements(departments, dims, onTime);
  await DashboardCounterModel.bulkWrite(complianceDocs(day).map((_id) => ({ updateOne: { filter: { _id }, update: { $inc }, upsert: true } })), { ordered: false });
}

export async function applyOpenWork(incs: Map<string, Record<string, number>>): Promise<void> {
  if (!incs.size) return;
  await DashboardOpenWorkModel.bulkWrite([...incs].map(([_id, $inc]) => ({ updateOne: { filter: { _id }, update: { $inc }, upsert: true } })), { ordered: false });
}

/** Step and circuit names in each language, kept as they are met (the dashboard's labels). */
export async function rememberNames(kind: 'steps' | 'circuits', key: string, names: I18nText | null): Promise<void> {
  if (!names) return;
  await DashboardMetaModel.updateOne({ _id: 'labels' }, { $set: { [`${kind}.${cellKey(key)}`]: names } }, { upsert: true });
}
