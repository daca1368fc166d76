import type { I18nText } from '@diwan/contracts';
import { streamMailFacts } from '../mail/mail.stream.js';
import { streamUserTasks } from '../tasks/user-task.stream.js';
import { departmentsOf } from '../users/user.service.js';
import { cellKey } from './dashboard.cells.js';
import { forgetRecentMarkers, newMarker } from './dashboard.mail-marker.js';
import { contributionOf, openCells } from './dashboard.marker.js';
import { DashboardCounterModel, DashboardMailModel, DashboardMetaModel, DashboardOpenWorkModel, READ_MODEL_VERSION, type MailMarker } from './dashboard.model.js';
import { dayOf } from './dashboard.time.js';
import { complianceDocs, complianceIncrements, durationIncrements, receivedIncrements } from './dashboard.writes.js';

export interface RebuildOptions {
  timeZone?: string;
  /** Documents per insert. */
  batchSize?: number;
  onProgress?: (step: string, count: number) => void;
}

export interface RebuildReport {
  mails: number;
  userTasks: number;
  tookMs: number;
}

const CLOSING = new Set(['closed', 'archived']);

/**
 * Recomputes every dashboard read model from the mails and the user tasks, in one pass over each
 * (cursors), accumulating in memory (about 300 bytes per mail) and writing in batches. The feed is
 * kept. Exported for scripts (the data generator) that connect mongoose themselves; the engine runs
 * it through the projector's `exclusive` so that no event is projected meanwhile.
 */
export async function rebuildDashboard(options: RebuildOptions = {}): Promise<RebuildReport> {
  const started = Date.now();
  const timeZone = options.timeZone ?? process.env.DIWAN_TIME_ZONE ?? 'Africa/Tunis';
  const batchSize = options.batchSize ?? 1_000;
  const counters = new Map<string, Record<string, number>>();
  const inc = (id: string, incs: Record<string, number>) => {
    const into = counters.get(id) ?? counters.set(id, {}).get(id)!;
    for (const [k, v] of Object.entries(incs)) into[k] = (into[k] ?? 0) + v;
  };
  const markers = new Map<string, MailMarker & { status?: string; updatedAt?: Date; lastEnded?: number }>();
  let mails = 0;
  for await (const mail of streamMailFacts()) {
    // a draft letter is not in a register yet: it counts as received once registered
    const received = mail.status !== 'draft';
    const marker = Object.assign(newMarker(String(mail._id), mail), { received, status: mail.status, updatedAt: mail.updatedAt });
    markers.set(marker._id, marker);
    if (received) inc(`recv:${dayOf(new Date(mail.receivedAt), timeZone)}`, receivedIncrements(marker.dims));
    if (++mails % 100_000 === 0) options.onProgress?.('mails', mails);
  }

  const userDepartments = new Map<string, Promise<string[]>>();
  const deptsOfUser = (u: string) => userDepartments.get(u) ?? userDepartments.set(u, departmentsOf(u)).get(u)!;
  const labels: { steps: Record<string, I18nText>; circuits: Record<string, I18nText> } = { steps: {}, circuits: {} };
  let userTasks = 0;
  for await (const task of streamUserTasks()) {
    const id = task.businessKey && markers.has(task.businessKey) ? task.businessKey : `pi:${task.processInstanceId}`;
    const marker = markers.get(id) ?? markers.set(id, newMarker(id, null)).get(id)!;
    const depts = task.candidateGroups.length ? [...task.candidateGroups] : task.assignee ? await deptsOfUser(task.assignee) : [];
    for (const d of depts) if (!marker.heldBy.includes(d)) marker.heldBy.push(d);
    if (task.status === 'open') marker.tasks.push({ id: task._id, depts, assignee: task.assignee, open: true });
    else if (task.endedAt) {
      marker.lastEnded = Math.max(marker.lastEnded ?? 0, task.endedAt.getTime());
      if (task.status === 'completed') {
        const stepKey = `${task.circuitKey ?? '-'}:${task.taskDefinitionKey}`;
        const day = dayOf(task.endedAt, timeZone);
        const incs = durationIncrements({ stepKey, circuit: task.circuitKey ?? marker.dims.circuit, mailType: marker.dims.mailType, department: depts[0] ?? null, person: task.assignee, ms: task.endedAt.getTime() - task.createdAt.getTime() });
        inc(`dur:${day}`, incs);
        inc(`dur:${day.slice(0, 7)}`, incs);
        const names = task.names?.ar ? task.names : task.name ? { ar: task.name, fr: task.name, en: task.name } : null;
        if (names) labels.steps[cellKey(stepKey)] = { ar: names.ar, fr: names.fr, en: names.en };
      }
    }
    if (++userTasks % 100_000 === 0) options.onProgress?.('userTasks', userTasks);
  }

  const open = new Map<string, Record<string, number>>();
  for (const marker of markers.values()) {
    const contribution = contributionOf(marker.tasks);
    const dims = marker.mailId ? { circuit: marker.dims.circuit, mailType: marker.dims.mailType, dueDay: marker.dims.dueDay } : null;
    for (const cell of openCells(contribution, dims)) {
      const [doc, path] = cell.split('\u0000') as [string, string];
      const into = open.get(doc) ?? open.set(doc, {}).get(doc)!;
      into[path] = (into[path] ?? 0) + 1;
    }
    marker.applied = { ...contribution, dims };
    if (marker.mailId && CLOSING.has(marker.status ?? '')) {
      const closedAt = new Date(marker.lastEnded ?? marker.updatedAt ?? Date.now());
      marker.closed = true;
      marker.closedAt = closedAt;
      if (marker.heldBy.length) {
        const increments = complianceIncrements(marker.heldBy, marker.dims, !marker.dims.due || closedAt.getTime() <= new Date(marker.dims.due).getTime());
        for (const doc of complianceDocs(dayOf(closedAt, timeZone))) inc(doc, increments);
      }
    }
  }

  forgetRecentMarkers();
  await Promise.all([DashboardCounterModel.deleteMany({}), DashboardOpenWorkModel.deleteMany({}), DashboardMailModel.deleteMany({})]);
  let batch: unknown[] = [];
  const flush = async (model: typeof DashboardMailModel | typeof DashboardCounterModel) => {
    if (batch.length) await model.collection.insertMany(batch as never[], { ordered: false });
    batch = [];
  };
  for (const { status: _s, updatedAt: _u, lastEnded: _l, ...marker } of markers.values()) {
    batch.push(marker);
    if (batch.length >= batchSize) await flush(DashboardMailModel);
  }
  await flush(DashboardMailModel);
  for (const [_id, cells] of counters) batch.push(nest(_id, cells));
  await flush(DashboardCounterModel);
  for (const [_id, cells] of open) batch.push(nest(_id, cells));
  if (batch.length) await DashboardOpenWorkModel.collection.insertMany(batch as never[], { ordered: false });
  batch = [];
  await DashboardMetaModel.updateOne({ _id: 'labels' }, { $set: Object.fromEntries([...Object.entries(labels.steps).map(([k, v]) => [`steps.${k}`, v])]) }, { upsert: true });
  await DashboardMetaModel.updateOne({ _id: 'version' }, { $set: { version: READ_MODEL_VERSION, builtAt: new Date(), mails, userTasks } }, { upsert: true });
  return { mails, userTasks, tookMs: Date.now() - started };
}

/** Is the stored read model missing or of an older shape? */
export async function dashboardNeedsRebuild(): Promise<boolean> {
  const doc = await DashboardMetaModel.findById('version').lean<{ version?: number }>();
  return (doc?.version ?? 0) < READ_MODEL_VERSION;
}

/** Dotted paths (`all.a|b.n`) as the nested document `$inc` would have made. */
function nest(_id: string, flat: Record<string, number>): Record<string, unknown> {
  const doc: Record<string, unknown> = { _id };
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let at = doc;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    at[parts.at(-1)!] = value;
  }
  return doc;
}
