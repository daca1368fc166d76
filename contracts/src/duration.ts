/** The units a duration is said in, largest first, with their length in milliseconds. */
export const DURATION_UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number][0];

/**
 * The two largest non-zero units of a duration, the smaller one rounded (`2 h 5 min`, `3 d 4 h`):
 * how the designer and the engine's documents say a duration, each through Intl in its language.
 */
export function splitDuration(ms: number): [DurationUnit, number][] {
  const first = DURATION_UNITS.findIndex(([, size]) => ms >= size);
  if (first < 0) return [['second', 0]];
  const [unit, size] = DURATION_UNITS[first]!;
  const next = DURATION_UNITS[first + 1];
  if (!next) return [[unit, Math.round(ms / size)]];
  let whole = Math.floor(ms / size);
  let rest = Math.round((ms - whole * size) / next[1]);
  if (rest * next[1] >= size) {
    whole += 1;
    rest = 0;
  }
  return rest > 0 ? [[unit, whole], [next[0], rest]] : [[unit, whole]];
}
