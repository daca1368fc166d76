import type { BulkResultDto } from '@diwan/contracts';

/** Each item's outcome after a bulk act: done, or failed with the engine's message. */
export type ItemOutcome = { state: 'done' } | { state: 'failed'; message: string };
export type Outcomes = ReadonlyMap<string, ItemOutcome>;

export function outcomesOf(result: BulkResultDto): Outcomes {
  const outcomes = new Map<string, ItemOutcome>();
  for (const id of result.done) outcomes.set(id, { state: 'done' });
  for (const { id, message } of result.failed) outcomes.set(id, { state: 'failed', message });
  return outcomes;
}
