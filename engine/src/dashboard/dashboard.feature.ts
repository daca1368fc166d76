import type { DashboardDto, DashboardQuery, I18nText, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { EventBus } from '../shared/event-bus.js';
import type { Language } from '../shared/language.js';
import type { Logger } from '../shared/logger.js';
import { dashboardFigures } from './dashboard.figures.js';
import { DashboardNotifier } from './dashboard.notify.js';
import { DashboardProjector } from './dashboard.projector.js';
import { dashboardNeedsRebuild, rebuildDashboard, type RebuildReport } from './dashboard.rebuild.js';
import type { DayRange } from './dashboard.time.js';

/** The supervision dashboard's parts, wired once by the server. */
export class DashboardFeature {
  private readonly notifier: DashboardNotifier;
  private readonly projector: DashboardProjector;

  constructor(
    bus: EventBus,
    private readonly logger: Logger,
    readonly timeZone: string,
    circuitNames?: (processDefinitionId: string, key: string) => Promise<I18nText | null>,
  ) {
    this.notifier = new DashboardNotifier(bus);
    this.projector = new DashboardProjector({ bus, logger, timeZone, notifier: this.notifier, circuitNames });
  }

  /** The figures a viewer may see; a report passes an explicit day range (e.g. a month). */
  figures(query: DashboardQuery, viewer: SessionUser, language: Language, range?: DayRange): Promise<DashboardDto> {
    return dashboardFigures(query, viewer, language, { timeZone: this.timeZone, range });
  }

  /** Recomputes the read models from the mails and user tasks, with projections held meanwhile; audited. */
  async rebuild(actor: string): Promise<RebuildReport> {
    const report = await this.projector.exclusive(() => rebuildDashboard({ timeZone: this.timeZone }));
    await record({ actor, action: 'readModel.reconciled', mailId: null, details: { readModel: 'dashboard', ...report } });
    this.notifier.changed([]);
    return report;
  }

  /** At start: rebuilds when the read models are missing or of an older version (in the background). */
  rebuildIfStale(): void {
    void dashboardNeedsRebuild()
      .then(async (stale) => {
        if (!stale) return;
        const report = await this.rebuild('system');
        this.logger.info(report, 'dashboard read models rebuilt');
      })
      .catch((err: unknown) => this.logger.error({ err }, 'dashboard rebuild failed'));
  }

  /** Lets the projections in flight finish, then stops the notifier. */
  async stop(): Promise<void> {
    await this.projector.drain();
    this.notifier.stop();
  }
}
