import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import { record } from '../audit/audit.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { RuntimeTask } from '../runtime/runtime.types.js';
import type { EventBus } from '../shared/event-bus.js';
import { NotFoundError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { mailFacts } from '../mail/mail.stream.js';
import { maySeeMail } from '../mail/mail.visibility.js';
import { activeUser } from '../users/user.service.js';
import { AbsenceModel, endOf, type Absence, type MovedTask } from './absence.model.js';

const PAGE = 200;
/** How long one node keeps an absence to itself (a crashed node's lease runs out). */
const LEASE_MS = 2 * 60_000;
const MAIL_ID = /^[0-9a-f]{24}$/i;
/** After the realtime gateway: the inbox has shown the task before it moves on. */
const AFTER_EVERYTHING = -1_000;

/**
 * Moves an absent person's tasks. Each pass (every `pollMs`, and at once when woken) takes the
 * absences that have started and are not handed back yet:
 * - under way: every open task assigned to the absent person goes to the substitute (so do the ones
 *   assigned to them during the absence: a `userTask.created` or `userTask.assigned` naming them
 *   wakes the loop), each remembered in the absence's `moved`;
 * - over (or ended early): each moved task still open and still held by the substitute goes back.
 * One node at a time works on an absence (a lease taken with findOneAndUpdate); every step is
 * idempotent, so a crash or a second node only repeats harmless work. The inboxes follow through
 * the bridge's `userTask.assigned` events.
 */
export class AbsenceDelegation {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly node = `engine-${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly runtime: RuntimeClient,
    private readonly logger: Logger,
    private readonly pollMs = 30_000,
  ) {}

  /** Wakes the loop when a task lands with someone who is away. */
  listen(bus: EventBus): void {
    for (const name of ['userTask.created', 'userTask.assigned'] as const) {
      bus.on(
        name,
        async (task) => {
          if (task.status !== 'open' || !task.assignee) return;
          const now = new Date();
          const away = await AbsenceModel.exists({ username: task.assignee, handback: 'pending', from: { $lte: now }, to: { $gt: now }, endedAt: null });
          if (away) this.kick();
        },
        AFTER_EVERYTHING,
      );
    }
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.running;
  }

  /** Runs a pass now, or right after the one under way. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((err: unknown) => this.logger.error({ err }, 'absence delegation pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async pass(): Promise<void> {
    const now = new Date();
    const due = await AbsenceModel.find({ handback: 'pending', from: { $lte: now } }, { _id: 1 }).lean();
    for (const { _id } of due) {
      if (this.stopped) return;
      const absence = await this.lease(_id);
      if (!absence) {
        // another node holds it (its sweep may have missed a task that just came): look again shortly
        this.retrySoon();
        continue;
      }
      let done: Partial<Absence> = {};
      try {
        done = endOf(absence) <= new Date() ? await this.handBack(absence) : await this.handOver(absence);
      } catch (err) {
        this.logger.warn({ err, absenceId: String(_id) }, 'absence delegation: will try again');
      } finally {
        await AbsenceModel.updateOne({ _id, 'lease.by': this.node }, { $set: { lease: null, ...done } });
      }
    }
  }

  private retrySoon(): void {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.kick();
    }, 2_000);
  }

  private lease(id: Types.ObjectId): Promise<Absence | null> {
    const now = new Date();
    return AbsenceModel.findOneAndUpdate(
      { _id: id, handback: 'pending', $or: [{ lease: null }, { 'lease.until': { $lt: now } }] },
      { $set: { lease: { until: new Date(now.getTime() + LEASE_MS), by: this.node } } },
      { returnDocument: 'after', lean: true },
    );
  }

  /** Every open task assigned to the absent person goes to the substitute. */
  private async handOver(absence: Absence): Promise<Partial<Absence>> {
    const substitute = await activeUser(absence.substitute);
    if (!substitute) {
      this.logger.warn({ absenceId: String(absence._id), substitute: absence.substitute }, 'absence: the substitute is disabled; tasks stay');
      return {};
    }
    const tasks: RuntimeTask[] = [];
    for (let first = 0; ; first += PAGE) {
      const page = await this.runtime.tasksAssignedTo(absence.username, first, PAGE);
      tasks.push(...page);
      if (page.length < PAGE) break;
    }
    const mails = await this.mailsOf(tasks);
    for (const task of tasks) {
      // a confidential or secret mail's task stays with its holder when the substitute may not see that mail
      const mailId = mails.get(task.processInstanceId) ?? null;
      const facts = mailId ? await mailFacts(mailId) : null;
      if (facts && !(await maySeeMail({ ...substitute, displayName: substitute.username, language: 'fr' }, facts))) {
        this.logger.info({ absenceId: String(absence._id), userTaskId: task.id }, 'absence: task stays, the substitute may not see its mail');
        continue;
      }
      await this.runtime.setTaskAssignee(task.id, absence.substitute);
      const moved: MovedTask = { userTaskId: task.id, movedAt: new Date(), outcome: null };
      await AbsenceModel.updateOne({ _id: absence._id, 'moved.userTaskId': { $ne: task.id } }, { $push: { moved } });
      await this.audit(absence, task, absence.username, absence.substitute, mails.get(task.processInstanceId) ?? null, 'absence.started');
    }
    return { handover: 'done' };
  }

  /** Each moved task still open and held by the substitute goes back to the absent person. */
  private async handBack(absence: Absence): Promise<Partial<Absence>> {
    const back = await activeUser(absence.username);
    const moved: MovedTask[] = [];
    for (const entry of absence.moved) {
      if (entry.outcome) {
        moved.push(entry);
        continue;
      }
      const task = await this.runtime.task(entry.userTaskId).catch((err: unknown) => {
        if (err instanceof NotFoundError) return null;
        throw err;
      });
      if (!task || task.assignee !== absence.substitute || !back) {
        moved.push({ ...entry, outcome: 'kept' });
        continue;
      }
      await this.runtime.setTaskAssignee(task.id, absence.username);
      moved.push({ ...entry, outcome: 'returned' });
      await this.audit(absence, task, absence.substitute, absence.username, (await this.mailsOf([task])).get(task.processInstanceId) ?? null, 'absence.ended');
    }
    return { moved, handover: 'done', handback: 'done' };
  }

  private async audit(absence: Absence, task: RuntimeTask, from: string, to: string, mailId: string | null, reason: 'absence.started' | 'absence.ended'): Promise<void> {
    await record({
      actor: 'system',
      action: 'userTask.reassigned',
      mailId,
      details: { userTaskId: task.id, taskDefinitionKey: task.taskDefinitionKey, processInstanceId: task.processInstanceId, from, to, reason, absenceId: String(absence._id) },
    });
  }

  /** The mail (business key) of each task's instance. */
  private async mailsOf(tasks: RuntimeTask[]): Promise<Map<string, string | null>> {
    const instances = await this.runtime.processInstancesByIds([...new Set(tasks.map((t) => t.processInstanceId))]);
    return new Map(instances.map((p) => [p.id, p.businessKey && MAIL_ID.test(p.businessKey) ? p.businessKey : null]));
  }
}
