import { record } from '../audit/audit.service.js';
import { reconcileRegisters } from '../mail/mail.number.js';
import { reconcileMails, type MailRepairs } from '../mail/mail.reconcile.js';
import { requeueStrandedNotifications } from '../notifications/notification.reconcile.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { reconcileUserTasks, type UserTaskRepairs } from '../tasks/user-task.reconcile.js';

export interface ReconcileReport {
  at: string;
  by: string;
  /** A full pass reads every register and mail; a periodic one those that came since the last (both every open task). */
  full: boolean;
  /** Chrono numbers taken without a mail, recorded as void. */
  voidedNumbers: string[];
  mails: MailRepairs;
  userTasks: UserTaskRepairs;
  /** Pending notifications found without their delivery entry, handed back to the delivery loop (full passes). */
  notificationsRequeued: number;
}

/**
 * Brings the read models back to the truth after crashes: the registers (numbers without a mail),
 * the mails (circuits the runtime lost, audit entries never written), the inboxes (ghost and
 * missing tasks) and the notifications' delivery (pending ones without their entry). Runs at start and when an admin asks (full), every few minutes on what is new
 * (the registers' new numbers and their mails, a million mails are not read every five minutes; the
 * open tasks every time), and in full once a day; one run at a time.
 */
export class Reconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReconcileReport> | null = null;
  private last: ReconcileReport | null = null;

  constructor(
    private readonly runtime: RuntimeClient,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly everyMs = 5 * 60_000,
    private readonly fullEveryMs = 24 * 3_600_000,
  ) {}
  private lastFull = 0;
  private started = false;

  /** A pass now (again every 10 s until the runtime answers), then every `everyMs` (0: none). */
  start(): void {
    const first = (): void =>
      void this.run('system').catch((err: unknown) => {
        this.logger.warn({ err: (err as Error).message }, 'reconciliation failed; trying again in 10 s');
        if (this.started) setTimeout(first, 10_000).unref();
      });
    this.started = true;
    if (this.everyMs > 0) {
      this.timer = setInterval(() => void this.run('system', Date.now() - this.lastFull >= this.fullEveryMs).catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'reconciliation failed')), this.everyMs);
      this.timer.unref();
    }
    first();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  lastReport(): ReconcileReport | null {
    return this.last;
  }

  /** One pass (or the one under way); full unless said otherwise. */
  run(by: string, full = true): Promise<ReconcileReport> {
    this.running ??= this.pass(by, full).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(by: string, full: boolean): Promise<ReconcileReport> {
    const startedAt = Date.now();
    const voidedNumbers = await reconcileRegisters({ graceMs: 10_000, actor: by, full });
    const mails = await reconcileMails(this.runtime, 30_000, full);
    const userTasks = await reconcileUserTasks(this.runtime, this.bus);
    const notificationsRequeued = full ? await requeueStrandedNotifications(30_000) : 0;
    if (full) this.lastFull = startedAt;
    const report: ReconcileReport = { at: new Date().toISOString(), by, full, voidedNumbers, mails, userTasks, notificationsRequeued };
    const repaired = voidedNumbers.length + mails.circuitsRestarted + mails.auditRecovered + userTasks.ghosts + userTasks.missing + notificationsRequeued;
    if (repaired || by !== 'system') await record({ actor: by, action: 'readModel.reconciled', details: { ...report } });
    if (repaired) this.logger.warn({ report }, 'read models repaired');
    this.last = report;
    return report;
  }
}
