import { cellKey } from './dashboard.cells.js';
import type { Contribution, MailDims, MailMarker, MarkerTask } from './dashboard.model.js';

/**
 * What a mail adds to the open-work counters. A mail is open in a department when it has at least
 * one open task whose candidate groups name that department, or, for a task without candidate
 * groups, whose assignee belongs to it; it is open for a person when that person is the assignee
 * of at least one of its open tasks. Mails are counted, not tasks.
 */
export function contributionOf(tasks: MarkerTask[]): Contribution {
  const open = tasks.filter((t) => t.open);
  const users = new Map<string, Set<string>>();
  for (const t of open) {
    if (!t.assignee) continue;
    const depts = users.get(t.assignee) ?? new Set<string>();
    t.depts.forEach((d) => depts.add(d));
    users.set(t.assignee, depts);
  }
  return {
    all: open.length > 0,
    depts: [...new Set(open.flatMap((t) => t.depts))].sort(),
    users: [...users].map(([u, d]) => [u, [...d].sort()] as [string, string[]]).sort(([a], [b]) => a.localeCompare(b)),
  };
}

type Dims = Pick<MailDims, 'circuit' | 'mailType' | 'dueDay'>;

/** The cells (`docId`, `map.cell`) a contribution occupies. */
export function openCells(c: Contribution, dims: Dims | null): string[] {
  if (!dims || !c.all) return [];
  const tail = cellKey(dims.circuit, dims.mailType, dims.dueDay);
  const cells = [`all\u0000all.${tail}`];
  for (const d of c.depts) cells.push(`dept:${d}\u0000all.${tail}`);
  for (const [u, depts] of c.users) {
    cells.push(`user:${u}\u0000all.${tail}`);
    for (const d of depts) cells.push(`user:${u}\u0000dept.${cellKey(d, dims.circuit, dims.mailType, dims.dueDay)}`);
  }
  return cells;
}

/** The increments that move the counters from what the marker applied to what it should hold now. */
export function openWorkDiff(marker: Pick<MailMarker, 'applied'>, next: Contribution, dims: Dims | null): Map<string, Record<string, number>> {
  const before = new Set(openCells(marker.applied, marker.applied.dims));
  const after = new Set(openCells(next, dims));
  const incs = new Map<string, Record<string, number>>();
  const add = (cell: string, by: number) => {
    const [doc, path] = cell.split('\u0000') as [string, string];
    const inc = incs.get(doc) ?? incs.set(doc, {}).get(doc)!;
    inc[path] = (inc[path] ?? 0) + by;
  };
  for (const cell of before) if (!after.has(cell)) add(cell, -1);
  for (const cell of after) if (!before.has(cell)) add(cell, 1);
  return incs;
}

export const emptyContribution = (): MailMarker['applied'] => ({ all: false, depts: [], users: [], dims: null });
