import { record } from '../audit/audit.service.js';
import { reconcileRegisters } from '../mail/mail.number.js';
import { reconcileMails, type MailRepairs } from '../mail/mail.reconcile.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { reconcileUserTasks, type UserTaskRepairs } from '../tasks/user-task.reconcile.js';

export interface ReconcileReport {
  at: string;
  by: string;
  /** Chrono numbers taken without a mail, recorded as void. */
  voidedNumbers: string[];
  mails: MailRepairs;
  userTasks: UserTaskRepairs;
}

/**
 * Brings the read models back to the truth after crashes: the registers (numbers without a mail),
 * the mails (circuits the runtime lost, audit entries never written) and the inboxes (ghost and
 * missing tasks). Runs at start, every few minutes, and when an admin asks; one run at a time.
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
  ) {}

  /** A pass now (again every 10 s until the runtime answers), then every `everyMs`. */
  start(): void {
    const first = (): void =>
      void this.run('system').catch((err: unknown) => {
        this.logger.warn({ err: (err as Error).message }, 'reconciliation failed; trying again in 10 s');
        if (this.timer) setTimeout(first, 10_000).unref();
      });
    this.timer = setInterval(() => void this.run('system').catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'reconciliation failed')), this.everyMs);
    this.timer.unref();
    first();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  lastReport(): ReconcileReport | null {
    return this.last;
  }

  /** One pass (or the one under way). */
  run(by: string): Promise<ReconcileReport> {
    this.running ??= this.pass(by).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(by: string): Promise<ReconcileReport> {
    const voidedNumbers = await reconcileRegisters({ graceMs: 10_000, actor: by });
    const mails = await reconcileMails(this.runtime);
    const userTasks = await reconcileUserTasks(this.runtime, this.bus);
    const report: ReconcileReport = { at: new Date().toISOString(), by, voidedNumbers, mails, userTasks };
    const repaired = voidedNumbers.length + mails.circuitsRestarted + mails.auditRecovered + userTasks.ghosts + userTasks.missing;
    if (repaired || by !== 'system') await record({ actor: by, action: 'readModel.reconciled', details: { ...report } });
    if (repaired) this.logger.warn({ report }, 'read models repaired');
    this.last = report;
    return report;
  }
}
