import { Router } from 'express';
import mongoose from 'mongoose';
import type { RuntimeClient } from '../runtime/runtime.client.js';

type State = 'up' | 'down';

export interface HealthReport {
  status: State;
  engine: { state: State; uptimeSeconds: number };
  runtime: { state: State; version?: string; circuitsDeployed: boolean; error?: string };
  database: { state: State; error?: string };
}

/** GET /api/health: the engine, the runtime and the database, each up or down. 503 unless all are up. */
export function healthRoutes(runtime: RuntimeClient, circuits: { deployed: boolean }): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [runtimeState, database] = await Promise.all([
      runtime.engineInfo().then(
        (info) => ({ state: 'up' as State, version: info.version, circuitsDeployed: circuits.deployed }),
        (err: Error) => ({ state: 'down' as State, circuitsDeployed: circuits.deployed, error: err.message }),
      ),
      pingDatabase(),
    ]);
    const up = runtimeState.state === 'up' && circuits.deployed && database.state === 'up';
    const report: HealthReport = {
      status: up ? 'up' : 'down',
      engine: { state: 'up', uptimeSeconds: Math.round(process.uptime()) },
      runtime: runtimeState,
      database,
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
