/**
 * Read-model cells: a counter document holds a map `cellKey → count` (or histogram), where the key
 * joins the dimensions the filters need (circuit, mail type, department …). Keys are field names,
 * so each part is escaped ('.', '$' and the separator can't appear raw).
 */
const SEP = '|';
const NONE = '-';

const escapePart = (part: string | null | undefined) => (part ? part.replace(/[%.$|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : NONE);
const unescapePart = (part: string) => (part === NONE ? null : decodeURIComponent(part));

export const cellKey = (...parts: (string | null | undefined)[]) => parts.map(escapePart).join(SEP);
export const cellParts = (key: string): (string | null)[] => key.split(SEP).map(unescapePart);

/**
 * Duration histograms: bucket i holds durations up to one minute × 1.5^i (bucket 0: up to a
 * minute); 60 buckets reach beyond a century. Average is exact (sum / count); p90 is the upper
 * bound of the bucket that holds the 90th percentile.
 */
const BASE_MS = 60_000;
const RATIO = 1.5;
export const BUCKETS = 60;

export function bucketOf(ms: number): number {
  if (ms <= BASE_MS) return 0;
  return Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / BASE_MS) / Math.log(RATIO) - 1e-9));
}
export const bucketUpperMs = (bucket: number) => Math.round(BASE_MS * RATIO ** bucket);

export interface Histogram {
  n: number;
  s: number;
  h: Record<string, number>;
}

export function addHistogram(into: Histogram, from: Partial<Histogram> | undefined): void {
  if (!from) return;
  into.n += from.n ?? 0;
  into.s += from.s ?? 0;
  for (const [b, c] of Object.entries(from.h ?? {})) into.h[b] = (into.h[b] ?? 0) + c;
}

export function percentileMs(hist: Histogram, p: number): number {
  if (!hist.n) return 0;
  const rank = Math.ceil(hist.n * p);
  let seen = 0;
  for (const b of Object.keys(hist.h).map(Number).sort((x, y) => x - y)) {
    seen += hist.h[String(b)] ?? 0;
    if (seen >= rank) return bucketUpperMs(b);
  }
  return bucketUpperMs(BUCKETS - 1);
}
