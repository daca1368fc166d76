import { Router } from 'express';
import mongoose from 'mongoose';
import type { BridgeNodeStatus, BridgeStatus } from '../realtime/bridge-status.js';
import { countDeadLetters } from '../realtime/dead-letter.service.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';

type State = 'up' | 'down';

export interface HealthReport {
  status: State;
  engine: { state: State; uptimeSeconds: number };
  runtime: { state: State; version?: string; circuitsDeployed: boolean; error?: string };
  database: { state: State; error?: string };
  /** The event bridge: what each runtime node last reported, and the events no one could apply. */
  bridge: { state: 'up' | 'degraded'; nodes: BridgeNodeStatus[]; deadLetters: number | null };
}

/** GET /api/health: the engine, the runtime and the database, each up or down. 503 unless all are up. */
export function healthRoutes(runtime: RuntimeClient, circuits: { deployed: boolean }, bridge: BridgeStatus): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [runtimeState, database] = await Promise.all([
      runtime.engineInfo().then(
        (info) => ({ state: 'up' as State, version: info.version, circuitsDeployed: circuits.deployed }),
        (err: Error) => ({ state: 'down' as State, circuitsDeployed: circuits.deployed, error: err.message }),
      ),
      pingDatabase(),
    ]);
    const deadLetters = database.state === 'up' ? await countDeadLetters().catch(() => null) : null;
    const up = runtimeState.state === 'up' && circuits.deployed && database.state === 'up';
    const report: HealthReport = {
      status: up ? 'up' : 'down',
      engine: { state: 'up', uptimeSeconds: Math.round(process.uptime()) },
      runtime: runtimeState,
      database,
      // Dead letters need an admin's eye (GET /api/admin/dead-letters) but don't stop the engine.
      bridge: { state: deadLetters ? 'degraded' : 'up', nodes: bridge.all(), deadLetters },
    };
    res.status(up ? 200 : 503).json(report);
  });
  return router;
}

async function pingDatabase(): Promise<HealthReport['database']> {
  try {
    const db = mongoose.connection.db;
    if (!db) return { state: 'down', error: 'not connected' };
    await db.admin().command({ ping: 1 });
    return { state: 'up' };
  } catch (err) {
    return { state: 'down', error: (err as Error).message };
  }
}
