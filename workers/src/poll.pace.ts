/**
 * How long the external-task client waits before its next fetch. The client always waits its
 * `interval` after a fetch, even one that brought tasks: with 500 ms, a task created just after a
 * fetch waited up to half a second, and a burst went through at most `maxTasks` per 500 ms. The
 * fetch itself long-polls (it answers as soon as a task is there, or after DIWAN_WORKER_LONG_POLL_MS
 * with none), so after a fetch that worked the next one follows at once (a few ms, so that a worker
 * busy with its `maxParallelExecutions` tasks does not spin). After a fetch that failed (the
 * runtime is down), the wait doubles from 500 ms up to 10 s, and a fetch that works resets it.
 * The client reads its interval when a fetch starts, so a change takes effect one fetch later (after
 * an outage, one more wait of the last back-off).
 */
export const AFTER_SUCCESS_MS = 20;
export const FIRST_BACK_OFF_MS = 500;
export const MAX_BACK_OFF_MS = 10_000;

export interface PollPace {
  /** The wait before the next fetch. */
  readonly interval: number;
  succeeded(): void;
  failed(): void;
}

export function pollPace(): PollPace {
  let interval = AFTER_SUCCESS_MS;
  return {
    get interval() {
      return interval;
    },
    succeeded() {
      interval = AFTER_SUCCESS_MS;
    },
    failed() {
      interval = Math.min(MAX_BACK_OFF_MS, Math.max(FIRST_BACK_OFF_MS, interval * 2));
    },
  };
}
