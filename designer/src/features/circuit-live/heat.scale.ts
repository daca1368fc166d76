import type { ActivityFigures } from './circuit-live.api';
import type { DiagramElement } from './diagram-elements';

/** What colours the diagram: how many times each step was reached, or its average time. */
export const HEAT_METRICS = ['count', 'duration'] as const;
export type HeatMetric = (typeof HEAT_METRICS)[number];

/**
 * Sequential ColorBrewer scales (OrRd, PuBu: single hue, lighter to darker, readable by the
 * colour-blind), light to dark. Coloured shapes get a black outline and black words: the darkest
 * stop still has a contrast of 5.3:1 (OrRd) and 5.6:1 (PuBu) with black, above WCAG's 4.5:1.
 */
export const HEAT_STOPS: Record<HeatMetric, readonly string[]> = {
  count: ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33'],
  duration: ['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe'],
};
export const HEAT_OUTLINE = '#000000';

export interface Heat {
  metric: HeatMetric;
  /** The value of each coloured step (passes, or milliseconds). */
  values: Map<string, number>;
  /** Smallest and largest value among the coloured steps; null when no step has one. */
  min: number | null;
  max: number | null;
  colourOf: (value: number) => string;
}

/**
 * The steps to colour and their values: flow nodes of the diagram that have history for the metric
 * (an expanded sub-process is a frame around its steps, so it is left uncoloured).
 */
export function heatOf(metric: HeatMetric, activities: Record<string, ActivityFigures>, elements: Map<string, DiagramElement>): Heat {
  const values = new Map<string, number>();
  for (const [id, figures] of Object.entries(activities)) {
    const element = elements.get(id);
    if (!element || !isFlowNode(element) || element.expanded) continue;
    const value = metric === 'count' ? figures.passes : figures.averageMs;
    if (value !== null && (metric === 'duration' || value > 0)) values.set(id, value);
  }
  const all = [...values.values()];
  const min = all.length > 0 ? Math.min(...all) : null;
  const max = all.length > 0 ? Math.max(...all) : null;
  const stops = HEAT_STOPS[metric];
  return {
    metric,
    values,
    min,
    max,
    // every step alike: the middle of the scale (nothing is more or less than anything else)
    colourOf: (value) => (min === null || max === null || max === min ? interpolate(stops, 0.5) : interpolate(stops, (value - min) / (max - min))),
  };
}

function isFlowNode(element: DiagramElement): boolean {
  return /(Task|Event|Gateway|subProcess|callActivity|transaction)$/i.test(element.type);
}

/** The colour at `t` (0..1) along the stops, mixed in sRGB between the two nearest stops. */
export function interpolate(stops: readonly string[], t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(position));
  const [a, b] = [rgb(stops[i]!), rgb(stops[i + 1]!)];
  const f = position - i;
  return `#${a.map((c, k) => Math.round(c + (b[k]! - c) * f).toString(16).padStart(2, '0')).join('')}`;
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
