import { loadConfig } from './config/config.js';
import { startEngine } from './server.js';

/** The engine's stop steps take 10 s at most; past this, it exits anyway (the launcher kills at 15 s). */
const STOP_DEADLINE_MS = 12_000;

const engine = await startEngine(loadConfig()).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`engine: not stopped ${STOP_DEADLINE_MS / 1000} s after ${signal}; exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    engine.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('engine: stop failed:', err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  });
}
