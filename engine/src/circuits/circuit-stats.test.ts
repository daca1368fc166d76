import { describe, expect, it } from '@jest/globals';
import type { HistoricActivityInstance } from '../runtime/runtime.types.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { CircuitStats, meanDuration, periodStart } from './circuit-stats.js';

/** A runtime that answers one history read at a time, when told to, and counts the reads. */
function slowRuntime() {
  const reads: (() => void)[] = [];
  let passes = 1;
  const runtime = {
    activityStatistics: async () => [],
    historicActivityStatistics: () => {
      const seen = passes; // what the runtime's database holds when the read starts
      return new Promise((resolve) => reads.push(() => resolve([{ id: 'step', instances: seen, finished: 0, canceled: 0 }])));
    },
    finishedActivityInstances: async () => [],
  } as unknown as RuntimeClient;
  return { runtime, reads, setPasses: (n: number) => (passes = n), answer: () => reads.shift()!() };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

const pass = (durationInMillis: number | null, canceled = false, start = '2026-01-01T10:00:00.000+0000', end: string | null = null): HistoricActivityInstance => ({
  id: `a${Math.random()}`,
  activityId: 'step',
  activityType: 'userTask',
  processDefinitionId: 'c:1:x',
  startTime: start,
  endTime: end,
  durationInMillis,
  canceled,
});

describe('the heatmap figures of a circuit', () => {
  it('averages the completed passes only, and reads a duration from the times when the runtime gives none', () => {
    // given two completed passes, a canceled one, and one with times only
    const passes = [pass(1_000), pass(3_000), pass(60_000, true), pass(null, false, '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:05.000Z')];
    // then the canceled one is left out and the mean covers three
    expect(meanDuration(passes)).toEqual({ averageMs: 3_000, sampled: 3 });
    // and nothing completed means no average, not zero
    expect(meanDuration([pass(5_000, true)])).toEqual({ averageMs: null, sampled: 0 });
  });

  it('starts a period on the hour, so that it holds for an hour', () => {
    const now = Date.parse('2026-03-31T14:37:12.345Z');
    expect(periodStart('all', now)).toBeNull();
    expect(periodStart('30d', now)?.toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(periodStart('7d', now)?.toISOString()).toBe('2026-03-24T14:00:00.000Z');
    expect(periodStart('7d', now + 20 * 60_000)).toEqual(periodStart('7d', now));
  });

  it('shares one read among the viewers who ask while it waits, and never answers with a read older than the question', async () => {
    // given a read of the figures under way
    const { runtime, reads, setPasses, answer } = slowRuntime();
    const stats = new CircuitStats(runtime);
    const first = stats.of('c:1:x', 'all');
    await settle();
    expect(reads).toHaveLength(1);

    // when the step is reached again and three viewers ask meanwhile
    setPasses(2);
    const others = [stats.of('c:1:x', 'all'), stats.of('c:1:x', 'all'), stats.of('c:1:x', 'all')];
    await settle();
    // then they wait for one new read, after the first
    expect(reads).toHaveLength(1);
    answer();
    expect((await first).activities.step!.passes).toBe(1);
    await settle();
    expect(reads).toHaveLength(1);
    answer();
    expect((await Promise.all(others)).map((o) => o.activities.step!.passes)).toEqual([2, 2, 2]);
    // and another period is read on its own
    void stats.of('c:1:x', '7d');
    await settle();
    expect(reads).toHaveLength(1);
  });
});
