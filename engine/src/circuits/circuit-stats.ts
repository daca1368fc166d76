import type { ActivityFigures, CircuitStatsDto as CircuitStats } from '@diwan/contracts';
import type { RuntimeClient } from '../runtime/runtime.client.js';

const SAMPLE = 2000;

/** The live view of a deployed circuit: running instances and incidents per step, and average time per step. */
export async function circuitStats(runtime: RuntimeClient, processDefinitionId: string): Promise<CircuitStats> {
  const [running, finished] = await Promise.all([
    runtime.activityStatistics(processDefinitionId),
    runtime.finishedActivityInstances(processDefinitionId, SAMPLE),
  ]);
  const activities: Record<string, ActivityFigures> = {};
  const at = (id: string) => (activities[id] ??= { running: 0, incidents: 0, averageMs: null, finishedSampled: 0 });
  for (const s of running) {
    at(s.id).running = s.instances;
    at(s.id).incidents = s.incidents.reduce((sum, i) => sum + i.incidentCount, 0);
  }
  const totals = new Map<string, { sum: number; count: number }>();
  for (const a of finished) {
    const ms = a.durationInMillis ?? (a.endTime ? Date.parse(a.endTime) - Date.parse(a.startTime) : null);
    if (ms === null || Number.isNaN(ms)) continue;
    const t = totals.get(a.activityId) ?? { sum: 0, count: 0 };
    t.sum += ms;
    t.count += 1;
    totals.set(a.activityId, t);
  }
  for (const [id, t] of totals) {
    at(id).averageMs = Math.round(t.sum / t.count);
    at(id).finishedSampled = t.count;
  }
  return { processDefinitionId, activities, computedAt: new Date().toISOString() };
}
