import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { TooManyRequestsError } from '../shared/errors.js';
import type { PasswordJob } from './password.worker.js';

/**
 * bcrypt off the main thread: a small pool of worker threads (piscina) runs the hashing, so that
 * logins cost CPU in their own threads and never stall other requests. One core is left to the
 * event loop. A full queue is answered 429 (try again in a second) rather than piling up.
 */
let pool: Piscina<PasswordJob, string | boolean> | undefined;

function workers(): Piscina<PasswordJob, string | boolean> {
  pool ??= new Piscina({
    filename: new URL('./password.worker.js', import.meta.url).href,
    minThreads: 1,
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    idleTimeout: 60_000,
    maxQueue: 64,
  });
  return pool;
}

async function run(job: PasswordJob): Promise<string | boolean> {
  try {
    return await workers().run(job);
  } catch (err) {
    if (/queue is at limit/i.test((err as Error).message)) throw new TooManyRequestsError('Too many logins at once; try again in a moment', 1);
    throw err;
  }
}

export const passwords = {
  hash: async (password: string, rounds = 10): Promise<string> => (await run({ op: 'hash', password, rounds })) as string,
  verify: async (password: string, hash: string): Promise<boolean> => (await run({ op: 'verify', password, hash })) as boolean,
  close: async (): Promise<void> => {
    await pool?.destroy();
    pool = undefined;
  },
};
