import type { EventBus } from '../shared/event-bus.js';

/** At most one `dashboard.updated` per interval: the first change goes at once, later ones are gathered. */
export class DashboardNotifier {
  private timer: NodeJS.Timeout | null = null;
  private pending: Set<string> | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly intervalMs = 1_000,
  ) {}

  changed(departments: Iterable<string>): void {
    if (this.timer) {
      this.pending ??= new Set();
      for (const d of departments) this.pending.add(d);
      return;
    }
    this.send(new Set(departments));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private send(departments: Set<string>): void {
    void this.bus.emit('dashboard.updated', { at: new Date().toISOString(), departments: [...departments].sort() }).catch(() => undefined);
    this.timer = setTimeout(() => {
      this.timer = null;
      const next = this.pending;
      this.pending = null;
      if (next) this.send(next);
    }, this.intervalMs);
    this.timer.unref();
  }
}
