import { record } from '../audit/audit.service.js';
import type { SessionUser } from '@diwan/contracts';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { ProcessDefinition } from '../runtime/runtime.types.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { toVariables } from '../runtime/runtime.variables.js';
import type { Logger } from '../shared/logger.js';
import { toMailDto } from './mail.dto.js';
import type { EventBus } from '../shared/event-bus.js';
import { MailModel, type CircuitStart, type Mail } from './mail.model.js';
import { dequeueCircuitStart, dueCircuitStarts, enqueueCircuitStart, ensureCircuitStartQueued, ORPHAN_GRACE_MS } from './mail.start-queue.js';
import { departmentsOf } from '../users/user.service.js';
import { reminderDateFor } from './mail.types.js';
import { maySeeMail } from './mail.visibility.js';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** The runtime's user-task priority for each mail priority. */
const TASK_PRIORITY: Record<string, number> = { low: 25, normal: 50, high: 75, urgent: 100 };

export interface CircuitStarterOptions {
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** How many starts run at once (a burst of registrations must not queue behind each other). */
  concurrency?: number;
}

/** The circuit a mail runs: chosen at registration (its type's, or its direction's default). */
export type CircuitOfMail = (mail: Mail) => Promise<string>;

/** A mail just registered on this node, under this node's lease, and its registrar's departments. */
interface RegisteredMail {
  mail: Mail;
  registrarDepartments: string[];
}

/**
 * The circuit start outbox. A registered mail waits with
 * `circuitStart.state = pending`; this loop takes a lease on it, asks the runtime
 * whether an instance with that business key already exists (a start whose answer
 * was lost), starts one only if not, and records the result. Failures retry with
 * back-off (1 s, 2 s, 4 s … up to a minute) and give up as `failed` after maxAttempts.
 *
 * A mail registered on this node takes a shorter way ({@link startRegistered}): it is inserted
 * under this node's lease, so it needs no queue entry, no lease to take and none to drop (three
 * commands fewer a registration, one of them before the answer). It is queued only if its start
 * fails, if its lease would run out before its turn, or at stop; one this node never got to (a
 * crash) is queued by the reconciler's pass at start, and started once its lease has passed.
 */
export class CircuitStarter {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly definitions = new Map<string, Promise<ProcessDefinition>>();
  /** Registered here, waiting for a turn; `starting` of them are under way. */
  private readonly registered: RegisteredMail[] = [];
  private starting = 0;
  private readonly startingDone = new Set<() => void>();
  /** Registered here, whose start failed and whose queue entry could not be written yet (the database was down). */
  private readonly unqueued = new Map<string, Date>();

  constructor(
    private readonly runtime: RuntimeClient,
    private readonly logger: Logger,
    private readonly bus: EventBus,
    /** For mails registered before circuits were recorded on the mail. */
    private readonly defaultCircuit: CircuitOfMail,
    options: CircuitStarterOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 30;
    this.concurrency = options.concurrency ?? 4;
  }

  /** Deployed definitions never change: read each once. */
  private definition(id: string): Promise<ProcessDefinition> {
    let definition = this.definitions.get(id);
    if (!definition) {
      definition = this.runtime.processDefinition(id);
      definition.catch(() => this.definitions.delete(id));
      this.definitions.set(id, definition);
    }
    return definition;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // what waits for its turn goes to the queue (started after its lease by whichever node polls)
    for (const { mail } of this.registered.splice(0)) this.unqueued.set(String(mail._id), mail.circuitStart?.lockedUntil ?? new Date());
    await Promise.all([this.running?.catch(() => undefined), new Promise<void>((done) => (this.starting ? this.startingDone.add(done) : done()))]);
    await this.queueUnqueued();
  }

  /** The `circuitStart` a mail is registered with on this node: pending, under this node's lease. */
  registeredState(at: Date): CircuitStart {
    // `tried`: any other taker asks the runtime first (this node's own first try knows it has not)
    return { state: 'pending', attempts: 0, lastError: null, nextAttemptAt: at, lockedUntil: new Date(at.getTime() + this.leaseMs), tried: true };
  }

  /** Starts the circuit of a mail registered on this node with {@link registeredState}, a few at a time. */
  startRegistered(mail: Mail, registrarDepartments: string[]): void {
    this.registered.push({ mail, registrarDepartments });
    this.startNextRegistered();
  }

  private startNextRegistered(): void {
    while (this.starting < this.concurrency && this.registered.length) {
      const next = this.registered.shift()!;
      this.starting += 1;
      void this.startOneRegistered(next).finally(() => {
        this.starting -= 1;
        if (this.starting === 0) {
          for (const done of this.startingDone) done();
          this.startingDone.clear();
        }
        this.startNextRegistered();
      });
    }
  }

  private async startOneRegistered({ mail, registrarDepartments }: RegisteredMail): Promise<void> {
    const id = String(mail._id);
    const lockedUntil = mail.circuitStart?.lockedUntil ?? new Date();
    // too late to be sure of the lease for the whole try: the outbox takes it once it has passed
    if (lockedUntil.getTime() - Date.now() < this.leaseMs / 2) {
      this.unqueued.set(id, lockedUntil);
      return this.queueUnqueued();
    }
    try {
      // a start that fails is queued with its back-off by the try itself
      await this.attempt(mail, registrarDepartments);
    } catch {
      // the database failed too: the queue entry is written once it answers
      this.unqueued.set(id, lockedUntil);
      await this.queueUnqueued();
    }
  }

  /** Writes the queue entries that could not be written (each tick until they are). */
  private async queueUnqueued(): Promise<void> {
    for (const [id, at] of [...this.unqueued]) {
      try {
        await ensureCircuitStartQueued(id, at);
        this.unqueued.delete(id);
      } catch (err) {
        this.logger.warn({ mailId: id, err: (err as Error).message }, 'circuit start not queued yet');
        return;
      }
    }
  }

  /** Runs a pass now unless one is under way. */
  kick(): void {
    if (this.running) return;
    this.running = this.queueUnqueued()
      .then(() => this.processDue())
      .catch((err: unknown) => {
        this.logger.error({ err }, 'circuit start pass failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
  }

  /**
   * Starts a circuit for a mail by hand (an admin or a registrar): only for a mail the caller
   * may see, whose circuit is neither being started nor running; the mail then records it.
   */
  async startFor(user: SessionUser, mailId: string, circuitKey: string): Promise<{ id: string; definitionId: string; businessKey: string }> {
    const mail = OBJECT_ID.test(mailId) ? await MailModel.findById(mailId).lean() : null;
    if (!mail || mail.status === 'void' || !(await maySeeMail(user, mail))) throw new NotFoundError(`No mail ${mailId} that you may see`, { fields: [{ field: 'businessKey', message: 'not a mail you may see' }] });
    if (mail.circuitStart?.state === 'pending') throw new ConflictError(`The circuit of mail ${mail.chronoNumber} is being started`);
    const running = await this.runtime.runningInstancesOf(mailId);
    if (running.length) throw new ConflictError(`Mail ${mail.chronoNumber} already runs a circuit`, { fields: [{ field: 'businessKey', message: 'already runs a circuit' }] });
    const instance = await this.runtime.startProcessInstance(circuitKey, mailId, toVariables(await circuitVariables(mail)));
    const definition = await this.definition(instance.definitionId);
    await record({ actor: user.username, action: 'circuit.started', mailId, details: { processInstanceId: instance.id, circuit: definition.key, version: definition.version, byHand: true } });
    const updated = await MailModel.findOneAndUpdate(
      { _id: mail._id },
      { $set: { processInstanceId: instance.id, circuit: { key: definition.key, version: definition.version }, circuitStart: { state: 'started', attempts: (mail.circuitStart?.attempts ?? 0) + 1, lastError: null, nextAttemptAt: null, lockedUntil: null } } },
      { returnDocument: 'after', lean: true },
    );
    if (updated) await this.bus.emit('mail.updated', toMailDto(updated));
    return { id: instance.id, definitionId: instance.definitionId, businessKey: mailId };
  }

  /**
   * One pass over the due mails, oldest first, a few at a time (each under its own lease, so
   * passes on several engine nodes don't collide); answers how many were started.
   */
  async processDue(now = new Date()): Promise<number> {
    let started = 0;
    const due = await dueCircuitStarts(now, 100);
    const next = async (): Promise<void> => {
      for (let item = due.shift(); item; item = due.shift()) {
        const mail = await MailModel.findOneAndUpdate(
          { _id: item._id, 'circuitStart.state': 'pending', $or: [{ 'circuitStart.lockedUntil': null }, { 'circuitStart.lockedUntil': { $lte: now } }] },
          { $set: { 'circuitStart.lockedUntil': new Date(Date.now() + this.leaseMs), 'circuitStart.tried': true } },
          // as it was before this lease: whether an earlier attempt may have reached the runtime
          { returnDocument: 'before', lean: true },
        );
        if (mail) {
          if (await this.attempt(mail)) started += 1;
        } else await this.dropIfSettled(item._id, item.enqueuedAt, now);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, next));
    return started;
  }

  /** An entry whose mail is no longer pending (started, failed, or never inserted) leaves the queue. */
  private async dropIfSettled(mailId: string, enqueuedAt: Date, now: Date): Promise<void> {
    const mail = await MailModel.findById(mailId, { circuitStart: 1 }).lean();
    if (mail ? mail.circuitStart?.state !== 'pending' : now.getTime() - enqueuedAt.getTime() > ORPHAN_GRACE_MS) await dequeueCircuitStart(mailId);
  }

  /**
   * One try for a mail under this node's lease. `registrarDepartments`: the first try for a mail
   * registered here (so no try before it, and no queue entry to drop), with its registrar's departments.
   */
  private async attempt(mail: Mail, registrarDepartments?: string[]): Promise<boolean> {
    const businessKey = String(mail._id);
    const attempts = (mail.circuitStart?.attempts ?? 0) + 1;
    const registeredHere = registrarDepartments !== undefined;
    try {
      const circuitKey = mail.circuit?.key ?? (await this.defaultCircuit(mail));
      // A start whose answer was lost, or that crashed, left an instance: find it (any circuit) rather
      // than start twice. A first try can have left none (the lease records every try before it asks).
      const mayHaveStarted = !registeredHere && (attempts > 1 || mail.circuitStart?.tried === true);
      const found = mayHaveStarted ? await this.runtime.findProcessInstanceOf(businessKey) : null;
      const instance = found ?? (await this.runtime.startProcessInstance(circuitKey, businessKey, toVariables(await circuitVariables(mail, registrarDepartments))));
      const definition = await this.definition(instance.definitionId);
      // Audit first: a crash before the mail says "started" leaves it pending, and the next pass
      // finds the instance and records it again, so a started mail always has its entry.
      await record({
        actor: 'system',
        action: 'circuit.started',
        mailId: businessKey,
        details: { processInstanceId: instance.id, circuit: definition.key, version: definition.version, attempts, found: Boolean(found) },
      });
      const updated = await MailModel.findOneAndUpdate(
        { _id: mail._id },
        {
          $set: {
            processInstanceId: instance.id,
            circuit: { key: definition.key, version: definition.version },
            circuitStart: { state: 'started', attempts, lastError: null, nextAttemptAt: null, lockedUntil: null },
          },
        },
        { returnDocument: 'after', lean: true },
      );
      if (!registeredHere) await dequeueCircuitStart(businessKey);
      if (updated) await this.bus.emit('mail.updated', toMailDto(updated));
      return true;
    } catch (err) {
      const failed = attempts >= this.maxAttempts;
      const delay = Math.min(60_000, 1000 * 2 ** (attempts - 1));
      const nextAttemptAt = failed ? null : new Date(Date.now() + delay);
      if (nextAttemptAt) await enqueueCircuitStart(businessKey, nextAttemptAt);
      await MailModel.updateOne({ _id: mail._id }, { $set: { circuitStart: { state: failed ? 'failed' : 'pending', attempts, lastError: (err as Error).message, nextAttemptAt, lockedUntil: null, tried: true } } });
      if (failed) await dequeueCircuitStart(businessKey);
      this.logger.warn({ mailId: businessKey, attempts, err: (err as Error).message }, failed ? 'circuit start failed for good' : 'circuit start will be retried');
      if (failed) await record({ actor: 'system', action: 'circuit.startFailed', mailId: businessKey, details: { attempts, error: (err as Error).message } });
      return false;
    }
  }
}

/**
 * The variables every circuit starts with: facts for routing and deadlines, never the mail's
 * content (subject, correspondent, confidentiality), which forms read from the engine at the
 * time they are shown, as the viewer may see it.
 */
export async function circuitVariables(mail: Mail, registrarDepartments?: string[]): Promise<Record<string, string | number | null>> {
  const due = mail.dueDate;
  const ownDepartment = (registrarDepartments ?? (await departmentsOf(mail.registeredBy)))[0] ?? null;
  const forAction = mail.departments.forAction[0] ?? null;
  return {
    mailId: String(mail._id),
    chronoNumber: mail.chronoNumber,
    mailType: mail.mailType ?? null,
    direction: mail.direction,
    correspondentKind: mail.correspondent?.kind ?? null,
    priority: mail.priority,
    taskPriority: TASK_PRIORITY[mail.priority] ?? 50,
    dueDate: due ? due.toISOString() : null,
    reminderDate: due ? reminderDateFor(due, mail.registeredAt).toISOString() : null,
    registrar: mail.registeredBy,
    // A letter drafted in Diwan (no number yet) goes back to the person who drafted it.
    drafter: mail.chronoNumber === null ? mail.registeredBy : null,
    // Outgoing mail leaves from the department it is registered for; internal mail goes to it.
    originDepartment: mail.direction === 'internal' ? ownDepartment : (forAction ?? ownDepartment),
    recipientDepartment: mail.direction === 'internal' ? forAction : null,
  };
}
