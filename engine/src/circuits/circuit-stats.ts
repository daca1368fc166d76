import type { ActivityFigures, CircuitStatsDto, CircuitStatsPeriod } from '@diwan/contracts';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { HistoricActivityInstance } from '../runtime/runtime.types.js';

/** An average covers at most this many of a step's latest completed passes. */
export const AVERAGE_SAMPLE_LIMIT = 200;
/** Sample queries in flight at once for one request (a first view of a circuit reads every step). */
const CONCURRENCY = 4;
/** Averages kept (one per step, period and circuit version); the oldest go first. */
const CACHE_SIZE = 5_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const PERIOD_DAYS: Record<Exclude<CircuitStatsPeriod, 'all'>, number> = { '30d': 30, '7d': 7 };

interface QueuedRead {
  started: boolean;
  result: Promise<CircuitStatsDto>;
}

interface CachedAverage {
  /** The step's finished and canceled counts when the average was computed: it holds while they do. */
  finished: number;
  canceled: number;
  averageMs: number | null;
  sampled: number;
}

/**
 * The live view and heatmap of a deployed circuit. Per step: live tokens (running instances,
 * incidents) from the runtime's statistics; passes, finished and canceled from the runtime's
 * history statistics (one GROUP BY, exact); and the average time of the step's latest completed
 * passes, read again only when the step's finished count moved since last time.
 */
export class CircuitStats {
  private readonly averages = new Map<string, CachedAverage>();
  /** Per circuit and period, the run that has not started yet: every viewer asking meanwhile shares it. */
  private readonly queued = new Map<string, QueuedRead>();
  private readonly last = new Map<string, Promise<unknown>>();

  constructor(
    private readonly runtime: RuntimeClient,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The figures, read at or after the call (never an older answer), with at most one read per
   * circuit and period in the runtime at a time: a burst of viewers refreshing on the same event
   * shares one queued read.
   */
  of(processDefinitionId: string, period: CircuitStatsPeriod): Promise<CircuitStatsDto> {
    const key = `${processDefinitionId}|${period}`;
    const waiting = this.queued.get(key);
    if (waiting && !waiting.started) return waiting.result;
    const previous = this.last.get(key) ?? Promise.resolve();
    const run = { started: false } as QueuedRead;
    const go = () => {
      run.started = true;
      if (this.queued.get(key) === run) this.queued.delete(key);
      return this.read(processDefinitionId, period);
    };
    run.result = previous.then(go, go);
    this.queued.set(key, run);
    this.last.set(key, run.result);
    const forget = () => {
      if (this.last.get(key) === run.result) this.last.delete(key);
    };
    run.result.then(forget, forget);
    return run.result;
  }

  private async read(processDefinitionId: string, period: CircuitStatsPeriod): Promise<CircuitStatsDto> {
    const since = periodStart(period, this.now());
    const runtimeSince = since && toRuntimeDate(since);
    const [live, history] = await Promise.all([
      this.runtime.activityStatistics(processDefinitionId),
      this.runtime.historicActivityStatistics(processDefinitionId, runtimeSince),
    ]);
    const activities: Record<string, ActivityFigures> = {};
    const at = (id: string) =>
      (activities[id] ??= { running: 0, incidents: 0, passes: 0, finished: 0, canceled: 0, averageMs: null, finishedSampled: 0 });
    for (const s of live) {
      at(s.id).running = s.instances;
      at(s.id).incidents = s.incidents.reduce((sum, i) => sum + i.incidentCount, 0);
    }
    for (const h of history) {
      const figures = at(h.id);
      figures.passes = h.instances + h.finished;
      figures.finished = h.finished;
      figures.canceled = h.canceled;
    }
    // A multi-instance body (`step#multiInstanceBody`) is the runtime's wrapper, not a step one draws.
    const timed = history.filter((h) => h.finished > h.canceled && !h.id.includes('#'));
    await inBatches(timed, CONCURRENCY, async (h) => {
      const average = await this.averageOf(processDefinitionId, h.id, runtimeSince, h.finished, h.canceled);
      at(h.id).averageMs = average.averageMs;
      at(h.id).finishedSampled = average.sampled;
    });
    return {
      processDefinitionId,
      period,
      since: since && since.toISOString(),
      averageSampleLimit: AVERAGE_SAMPLE_LIMIT,
      activities,
      computedAt: new Date(this.now()).toISOString(),
    };
  }

  private async averageOf(definitionId: string, activityId: string, since: string | null, finished: number, canceled: number): Promise<CachedAverage> {
    const key = `${definitionId}|${since ?? 'all'}|${activityId}`;
    const cached = this.averages.get(key);
    if (cached && cached.finished === finished && cached.canceled === canceled) return cached;
    const passes = await this.runtime.finishedActivityInstances(definitionId, activityId, AVERAGE_SAMPLE_LIMIT, since);
    const average = { finished, canceled, ...meanDuration(passes) };
    this.averages.delete(key);
    this.averages.set(key, average);
    if (this.averages.size > CACHE_SIZE) this.averages.delete(this.averages.keys().next().value!);
    return average;
  }
}

/** Mean duration of the completed (not canceled) passes among these. */
export function meanDuration(passes: HistoricActivityInstance[]): { averageMs: number | null; sampled: number } {
  let sum = 0;
  let sampled = 0;
  for (const a of passes) {
    if (a.canceled) continue;
    const ms = a.durationInMillis ?? (a.endTime ? Date.parse(a.endTime) - Date.parse(a.startTime) : null);
    if (ms === null || Number.isNaN(ms)) continue;
    sum += ms;
    sampled += 1;
  }
  return { averageMs: sampled > 0 ? Math.round(sum / sampled) : null, sampled };
}

/** The period's start, on the hour (so that it holds for an hour and the averages stay cached), or null for all. */
export function periodStart(period: CircuitStatsPeriod, now: number): Date | null {
  if (period === 'all') return null;
  return new Date(Math.floor((now - PERIOD_DAYS[period] * DAY_MS) / HOUR_MS) * HOUR_MS);
}

/** The date format of the Camunda 7 REST API: `2025-01-31T10:00:00.000+0000`. */
function toRuntimeDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
