import type { I18nText, MailDto, RuntimeEvent, UserTaskDto } from '@diwan/contracts';
import type { MailFacts } from '../mail/mail.stream.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { userTaskEndedAt } from '../tasks/user-task.stream.js';
import { departmentsOf } from '../users/user.service.js';
import { pushFeed } from './dashboard.feed.js';
import { insertNewMarker, loadMarker, markerIdOf, newMarker, saveMarker } from './dashboard.mail-marker.js';
import { contributionOf, openWorkDiff } from './dashboard.marker.js';
import type { MailMarker } from './dashboard.model.js';
import type { DashboardNotifier } from './dashboard.notify.js';
import { dayOf } from './dashboard.time.js';
import { applyOpenWork, countCompliance, countDuration, countReceived, rememberNames } from './dashboard.writes.js';

/** After audit and the inbox projection (5 000), before the realtime gateway (0). */
const DASHBOARD = 4_000;
const CLOSING = new Set(['closed', 'archived']);
type TaskEvent = 'userTask.created' | 'userTask.assigned' | 'userTask.completed' | 'userTask.deleted';

export interface ProjectorDeps {
  bus: EventBus;
  logger: Logger;
  timeZone: string;
  notifier: DashboardNotifier;
  /** A circuit's names, from its deployed definition (null when unknown). */
  circuitNames?: (processDefinitionId: string, key: string) => Promise<I18nText | null>;
}

/**
 * Keeps the dashboard's read models up to date from the domain events. Work on one mail runs one
 * event at a time (a queue per mail), and its marker says what was already counted, so a repeated
 * or late event counts nothing twice. The emitter does not wait for it: a registration is answered,
 * and a bridge batch acknowledged, once the mail, its audit and the inbox are stored; the figures
 * follow a moment later (four writes fewer on each registration's way). A failure is logged and
 * never reaches the emitter; a rebuild puts the figures right. The engine's stop waits for the
 * projections in flight (`drain`).
 */
export class DashboardProjector {
  private readonly queues = new Map<string, Promise<void>>();
  private gate: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<unknown>>();
  private readonly knownCircuits = new Set<string>();

  constructor(private readonly deps: ProjectorDeps) {
    const { bus } = deps;
    bus.on('mail.registered', (mail) => this.run(mail.id, () => this.registered(mail)), DASHBOARD);
    for (const name of ['userTask.created', 'userTask.assigned', 'userTask.completed', 'userTask.deleted'] as const) {
      bus.on(name, (task) => this.run(markerIdOf(task.businessKey, task.processInstanceId), () => this.task(name, task)), DASHBOARD);
    }
    bus.on('mail.statusChanged', (change) => this.run(change.mailId, () => this.statusChanged(change.mailId, change.to, change.actor)), DASHBOARD);
    bus.on('incident.created', (event) => this.run(event.businessKey ?? `pi:${event.processInstanceId}`, () => this.incident(event)), DASHBOARD);
  }

  /** Resolves when every projection queued so far is done (the engine's stop). */
  async drain(): Promise<void> {
    while (this.queues.size) await Promise.allSettled([...this.queues.values()]);
  }

  /** Holds every projection until `work` is done (a rebuild), then lets them run again. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const previous = this.gate;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    await previous;
    // only the projections already past the gate: those queued behind it wait for the release
    await Promise.allSettled([...this.running]);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Queues `work` behind the mail's earlier events; the emitter is not held. */
  private run(key: string, work: () => Promise<string[] | void>): void {
    const next = (this.queues.get(key) ?? Promise.resolve())
      .then(() => this.passGate(work))
      .then((departments) => departments && this.deps.notifier.changed(departments))
      .catch((err: unknown) => this.deps.logger.warn({ err, key }, 'dashboard projection failed'));
    this.queues.set(key, next);
    void next.then(() => this.queues.get(key) === next && this.queues.delete(key));
  }

  /** Runs `work` once no rebuild holds the gate; a gate closed while waiting is waited for too. */
  private async passGate<T>(work: () => Promise<T>): Promise<T> {
    for (let gate = this.gate; ; gate = this.gate) {
      await gate;
      if (gate === this.gate) break;
    }
    const running = work();
    this.running.add(running);
    try {
      return await running;
    } finally {
      this.running.delete(running);
    }
  }

  private async registered(mail: MailDto): Promise<string[] | void> {
    const facts = factsOf(mail);
    // the usual case, a mail no event has marked yet: counted with one write
    const first = { ...newMarker(mail.id, facts), received: true };
    if (await insertNewMarker(first)) return this.counted(first, mail.receivedAt, mail.registeredBy);
    const marker = (await loadMarker(mail.id, facts))?.marker ?? newMarker(mail.id, facts);
    if (marker.received) return;
    marker.chronoNumber = mail.chronoNumber; // a draft letter gets its number when it is registered
    return this.receive(marker, mail.receivedAt, mail.registeredBy);
  }

  private async receive(marker: MailMarker, receivedAt: string | Date, actor: string | null): Promise<string[]> {
    marker.received = true;
    await saveMarker(marker);
    return this.counted(marker, receivedAt, actor);
  }

  /** Counts a mail whose marker is saved as received. */
  private async counted(marker: MailMarker, receivedAt: string | Date, actor: string | null): Promise<string[]> {
    await countReceived(dayOf(new Date(receivedAt), this.deps.timeZone), marker.dims);
    await pushFeed({ ...this.feedBase(marker, `registered:${marker._id}`, 'mail.registered', marker.dims.departments), actor });
    return marker.dims.departments;
  }

  private async task(kind: TaskEvent, task: UserTaskDto): Promise<string[] | void> {
    const loaded = (await loadMarker(markerIdOf(task.businessKey, task.processInstanceId))) ?? (await loadMarker(`pi:${task.processInstanceId}`))!;
    const { marker } = loaded;
    const changed = new Set<string>();
    if (loaded.mail && !marker.received && loaded.mail.status !== 'draft') (await this.receive(marker, loaded.mail.receivedAt, loaded.mail.registeredBy)).forEach((d) => changed.add(d));
    const depts = task.candidateGroups.length ? [...task.candidateGroups] : task.assignee ? await departmentsOf(task.assignee) : [];
    const known = marker.tasks.find((t) => t.id === task.id);
    if (known && !known.open) return changed.size ? [...changed] : undefined; // finished tasks never reopen
    const open = kind === 'userTask.created' || kind === 'userTask.assigned';
    if (known) Object.assign(known, { open, assignee: task.assignee, depts });
    else marker.tasks.push({ id: task.id, depts, assignee: task.assignee, open });
    marker.heldBy = [...new Set([...marker.heldBy, ...depts])];
    const next = contributionOf(marker.tasks);
    const dims = { circuit: marker.dims.circuit ?? task.circuitKey, mailType: marker.dims.mailType, dueDay: marker.dims.dueDay };
    const incs = openWorkDiff(marker, next, marker.mailId ? dims : null);
    [...marker.applied.depts, ...next.depts, ...depts].forEach((d) => changed.add(d));
    marker.applied = { ...next, dims: marker.mailId ? dims : null };
    await saveMarker(marker);
    await applyOpenWork(incs);
    if (kind === 'userTask.completed') await this.completed(marker, task, depts);
    return [...changed];
  }

  private async completed(marker: MailMarker, task: UserTaskDto, depts: string[]): Promise<void> {
    const endedAt = (await userTaskEndedAt(task.id)) ?? new Date();
    const stepKey = `${task.circuitKey ?? '-'}:${task.taskDefinitionKey}`;
    const circuit = task.circuitKey ?? marker.dims.circuit;
    await countDuration(dayOf(endedAt, this.deps.timeZone), { stepKey, circuit, mailType: marker.dims.mailType, department: depts[0] ?? null, person: task.assignee, ms: endedAt.getTime() - new Date(task.createdAt).getTime() });
    const names = task.names ?? (task.name ? { ar: task.name, fr: task.name, en: task.name } : null);
    await rememberNames('steps', stepKey, names);
    if (circuit && !this.knownCircuits.has(circuit) && this.deps.circuitNames) {
      const circuitNames = await this.deps.circuitNames(task.processDefinitionId, circuit).catch(() => null);
      if (circuitNames) await rememberNames('circuits', circuit, circuitNames);
      this.knownCircuits.add(circuit);
    }
    await pushFeed({ ...this.feedBase(marker, `completed:${task.id}`, 'userTask.completed', depts), at: endedAt.toISOString(), actor: task.assignee, stepNames: names });
  }

  private async statusChanged(mailId: string, to: string, actor: string): Promise<string[] | void> {
    const loaded = await loadMarker(mailId);
    if (!loaded) return;
    const { marker } = loaded;
    if (!CLOSING.has(to) || marker.closed) {
      await pushFeed({ ...this.feedBase(marker, `status:${mailId}:${to}`, 'mail.statusChanged', marker.heldBy), status: to, actor: actor === 'system' ? null : actor });
      return marker.heldBy;
    }
    const now = new Date();
    marker.closed = true;
    marker.closedAt = now;
    await saveMarker(marker);
    const onTime = !marker.dims.due || now.getTime() <= new Date(marker.dims.due).getTime();
    await countCompliance(dayOf(now, this.deps.timeZone), marker.heldBy, marker.dims, onTime);
    await pushFeed({ ...this.feedBase(marker, `status:${mailId}:${to}`, 'mail.statusChanged', marker.heldBy), status: to, actor: actor === 'system' ? null : actor });
    return marker.heldBy;
  }

  private async incident(event: RuntimeEvent): Promise<string[] | void> {
    const loaded = event.businessKey ? await loadMarker(markerIdOf(event.businessKey, event.processInstanceId ?? '-')) : null;
    const marker = loaded?.marker ?? newMarker(`pi:${event.processInstanceId}`, null);
    await pushFeed({ ...this.feedBase(marker, `incident:${event.incident?.id ?? event.id}`, 'incident.created', marker.heldBy), at: event.occurredAt });
    return marker.heldBy;
  }

  private feedBase(marker: MailMarker, id: string, kind: 'mail.registered' | 'userTask.completed' | 'mail.statusChanged' | 'incident.created', departments: string[]) {
    return {
      id,
      at: new Date().toISOString(),
      kind,
      mailId: marker.mailId,
      chronoNumber: marker.chronoNumber,
      actor: null,
      stepNames: null,
      status: null,
      department: departments[0] ?? null,
      departments: [...new Set(departments)],
      circuit: marker.dims.circuit,
      mailType: marker.dims.mailType,
      rights: marker.rights,
    };
  }
}

/** The facts of a mail as its registration event carries them. */
function factsOf(mail: MailDto): MailFacts {
  return { ...mail, _id: mail.id, dueDate: mail.dueDate ? new Date(mail.dueDate) : null, receivedAt: new Date(mail.receivedAt), updatedAt: new Date() } as unknown as MailFacts;
}
