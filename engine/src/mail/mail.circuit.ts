import { SOCKET_EVENTS } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { toVariables } from '../runtime/runtime.variables.js';
import type { Logger } from '../shared/logger.js';
import { toMailDto } from './mail.dto.js';
import type { MailEvents } from './mail.events.js';
import { MailModel, type Mail } from './mail.model.js';
import { reminderDateFor } from './mail.types.js';

export const INCOMING_CIRCUIT = 'incoming-mail';

/** The runtime's user-task priority for each mail priority. */
const TASK_PRIORITY: Record<string, number> = { low: 25, normal: 50, high: 75, urgent: 100 };

export interface CircuitStarterOptions {
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
}

/**
 * The circuit start outbox. A registered incoming mail waits with
 * `circuitStart.state = pending`; this loop takes a lease on it, asks the runtime
 * whether an instance with that business key already exists (a start whose answer
 * was lost), starts one only if not, and records the result. Failures retry with
 * back-off (1 s, 2 s, 4 s … up to a minute) and give up as `failed` after maxAttempts.
 */
export class CircuitStarter {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly runtime: RuntimeClient,
    private readonly logger: Logger,
    private readonly events: MailEvents | null,
    options: CircuitStarterOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 30;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Runs a pass now unless one is under way. */
  kick(): void {
    if (this.running) return;
    this.running = this.processDue()
      .catch((err: unknown) => {
        this.logger.error({ err }, 'circuit start pass failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** One pass over the due mails; answers how many were started. */
  async processDue(now = new Date()): Promise<number> {
    let started = 0;
    const due = await MailModel.find({ 'circuitStart.state': 'pending', 'circuitStart.nextAttemptAt': { $lte: now } }, { _id: 1 }).limit(100).lean();
    for (const { _id } of due) {
      const mail = await MailModel.findOneAndUpdate(
        { _id, 'circuitStart.state': 'pending', $or: [{ 'circuitStart.lockedUntil': null }, { 'circuitStart.lockedUntil': { $lte: now } }] },
        { $set: { 'circuitStart.lockedUntil': new Date(Date.now() + this.leaseMs) } },
        { returnDocument: 'after', lean: true },
      );
      if (mail && (await this.attempt(mail))) started += 1;
    }
    return started;
  }

  private async attempt(mail: Mail): Promise<boolean> {
    const businessKey = String(mail._id);
    const attempts = (mail.circuitStart?.attempts ?? 0) + 1;
    try {
      const existing = await this.runtime.findProcessInstanceByBusinessKey(INCOMING_CIRCUIT, businessKey);
      const instanceId = existing ?? (await this.runtime.startProcessInstance(INCOMING_CIRCUIT, businessKey, toVariables(circuitVariables(mail)))).id;
      const updated = await MailModel.findOneAndUpdate(
        { _id: mail._id },
        { $set: { processInstanceId: instanceId, circuitStart: { state: 'started', attempts, lastError: null, nextAttemptAt: null, lockedUntil: null } } },
        { returnDocument: 'after', lean: true },
      );
      await record({ actor: 'system', action: 'circuit.started', mailId: businessKey, details: { processInstanceId: instanceId, circuit: INCOMING_CIRCUIT, attempts, found: Boolean(existing) } });
      if (updated) this.events?.publish(SOCKET_EVENTS.mailUpdated, toMailDto(updated));
      return true;
    } catch (err) {
      const failed = attempts >= this.maxAttempts;
      const delay = Math.min(60_000, 1000 * 2 ** (attempts - 1));
      await MailModel.updateOne(
        { _id: mail._id },
        { $set: { circuitStart: { state: failed ? 'failed' : 'pending', attempts, lastError: (err as Error).message, nextAttemptAt: failed ? null : new Date(Date.now() + delay), lockedUntil: null } } },
      );
      this.logger.warn({ mailId: businessKey, attempts, err: (err as Error).message }, failed ? 'circuit start failed for good' : 'circuit start will be retried');
      if (failed) await record({ actor: 'system', action: 'circuit.startFailed', mailId: businessKey, details: { attempts, error: (err as Error).message } });
      return false;
    }
  }
}

/** The variables the incoming-mail circuit starts with. */
export function circuitVariables(mail: Mail): Record<string, string | number | null> {
  const due = mail.dueDate;
  return {
    mailId: String(mail._id),
    chronoNumber: mail.chronoNumber,
    subject: mail.subject,
    priority: mail.priority,
    confidentiality: mail.confidentiality,
    dueDate: due ? due.toISOString() : null,
    reminderDate: due ? reminderDateFor(due, mail.registeredAt).toISOString() : null,
    registrar: mail.registeredBy,
    taskPriority: TASK_PRIORITY[mail.priority] ?? 50,
  };
}
