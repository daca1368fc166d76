// Seeded randomness for the data generator: the same seed gives the same administration's history.

/** mulberry32: a small, fast PRNG with a 32-bit state. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** A key of `weights` ({ key: weight }), drawn in proportion to its weight. */
    weighted(weights) {
      const entries = Object.entries(weights);
      let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        if ((r -= w) < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    /** Log-normal: a duration around `median`, with a long tail (spread 0.5–1.2 is typical of office work). */
    logNormal(median, spread) {
      const u = Math.max(next(), 1e-12);
      const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(spread * gaussian);
    },
    /** A UUID v4 from this generator (runtime ids look like this). */
    uuid() {
      const word = () => Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
      const s = word() + word() + word() + word();
      const variant = ((parseInt(s[16], 16) & 3) | 8).toString(16);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
    },
  };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * When the mails came, oldest first: `count` instants over the last `days` days up to `now`,
 * fewer on Friday afternoons and weekends, in office hours (UTC+1, 08:00–17:00), a slow growth
 * over the years. Returns a Float64Array of epoch ms, sorted.
 */
export function arrivalTimes(random, count, days, now) {
  const start = now - (days - 1) * DAY_MS; // the last day is today
  const dayWeights = [];
  for (let d = 0; d < days; d += 1) {
    const weekday = new Date(start + d * DAY_MS).getUTCDay();
    const growth = 0.8 + 0.4 * (d / days);
    dayWeights.push((weekday === 0 ? 0.05 : weekday === 6 ? 0.15 : weekday === 5 ? 0.7 : 1) * growth);
  }
  const total = dayWeights.reduce((a, b) => a + b, 0);
  const times = new Float64Array(count);
  let i = 0;
  let carried = 0;
  for (let d = 0; d < days && i < count; d += 1) {
    const exact = (count * dayWeights[d]) / total + carried;
    const n = d === days - 1 ? count - i : Math.min(count - i, Math.floor(exact));
    carried = exact - n;
    const dayStart = Date.UTC(...ymd(start + d * DAY_MS)) + 7 * HOUR_MS; // 08:00 at UTC+1
    // Today's mails came before now.
    const windowEnd = Math.min(now - 1000, dayStart + 9 * HOUR_MS);
    const windowStart = Math.min(dayStart, windowEnd - HOUR_MS);
    const slots = [];
    for (let k = 0; k < n; k += 1) slots.push(windowStart + random.next() * (windowEnd - windowStart));
    slots.sort((a, b) => a - b);
    for (const t of slots) times[i++] = Math.round(t);
  }
  return times;
}

const ymd = (ms) => {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
};
