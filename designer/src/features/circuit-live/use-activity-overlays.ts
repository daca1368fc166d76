import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { useEffect } from 'react';
import type { ActivityFigures } from './circuit-live.api';
import type { Heat } from './heat.scale';

const OVERLAY_TYPE = 'diwan-live';
/** Events and gateways (36 and 50 px wide) carry their name below them. */
const SMALL_SHAPE = 60;

export interface OverlayTexts {
  /** The reader's direction: the canvas is LTR, the words on it are not always. */
  dir: 'ltr' | 'rtl';
  running: (count: number) => string;
  incidents: (count: number) => string;
  /** The step's value on the heat scale, as shown under it (a count, or a duration in words). */
  value: (heat: Heat, value: number) => string;
  /** Everything known of the step, for its tooltip. */
  details: (figures: ActivityFigures) => string;
}

/**
 * Puts the figures on the diagram as bpmn-js overlays: live running instances (top end) and
 * incidents (top start, red), and under each coloured step its value on the heat scale, whose
 * colour it carries (`data-colour`) like the shape. Redrawn on each update.
 */
export function useActivityOverlays(viewer: NavigatedViewer | null, activities: Record<string, ActivityFigures> | null, heat: Heat | null, texts: OverlayTexts): void {
  useEffect(() => {
    if (!viewer || !activities) return;
    const overlays = viewer.get<Overlays>('overlays');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    overlays.remove({ type: OVERLAY_TYPE });
    for (const [id, figures] of Object.entries(activities)) {
      const element = registry.get(id);
      if (!element || element.type === 'bpmn:Process') continue;
      const width = 'width' in element ? element.width : 0;
      if (figures.running > 0) {
        const html = badge('live-badge live-badge--running', 'live-running', id, String(figures.running), texts.running(figures.running));
        overlays.add(id, OVERLAY_TYPE, { position: { top: -10, right: 10 }, html });
      }
      if (figures.incidents > 0) {
        const html = badge('live-badge live-badge--incident', 'live-incidents', id, `⚠ ${figures.incidents}`, texts.incidents(figures.incidents));
        overlays.add(id, OVERLAY_TYPE, { position: { top: -10, left: -10 }, html });
      }
      const value = heat?.values.get(id);
      if (heat && value !== undefined) {
        const testId = heat.metric === 'count' ? 'live-count' : 'live-average';
        const html = badge(`live-value live-value--${heat.metric}`, testId, id, texts.value(heat, value), texts.details(figures));
        html.dataset.value = String(value);
        html.dataset.colour = heat.colourOf(value);
        html.dir = texts.dir;
        // centred on the shape: under a box, above an event or a gateway (their name is written below)
        const frame = document.createElement('div');
        frame.className = 'live-value-frame';
        frame.style.inlineSize = `${width}px`;
        frame.append(html);
        overlays.add(id, OVERLAY_TYPE, { position: width >= SMALL_SHAPE ? { bottom: -4, left: 0 } : { top: -24, left: 0 }, html: frame });
      }
    }
  }, [viewer, activities, heat, texts]);
}

function badge(className: string, testId: string, activityId: string, text: string, title: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.dataset.testid = testId;
  element.dataset.activityId = activityId;
  element.textContent = text;
  element.title = title;
  element.setAttribute('aria-label', title);
  return element;
}
