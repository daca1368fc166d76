import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { useEffect } from 'react';
import type { ActivityFigures } from './circuit-live.api';
import { takesTime } from './diagram-elements';

const OVERLAY_TYPE = 'diwan-live';

export interface OverlayTexts {
  /** The reader's direction: the canvas is LTR, the words on it are not always. */
  dir: 'ltr' | 'rtl';
  running: (count: number) => string;
  incidents: (count: number) => string;
  average: (ms: number, sampled: number) => { text: string; title: string };
}

/**
 * Puts the live figures on the diagram as bpmn-js overlays: running instances (top end),
 * incidents (top start, red) and the average time under the step. Redrawn on each update.
 */
export function useActivityOverlays(
  viewer: NavigatedViewer | null,
  activities: Record<string, ActivityFigures> | null,
  texts: OverlayTexts,
): void {
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
      if (figures.averageMs !== null && takesTime(element.type)) {
        const { text, title } = texts.average(figures.averageMs, figures.finishedSampled);
        const html = badge('live-average', 'live-average', id, text, title);
        html.style.minInlineSize = `${Math.max(width, 60)}px`;
        html.dir = texts.dir;
        overlays.add(id, OVERLAY_TYPE, { position: { bottom: -4, left: 0 }, html });
      }
    }
  }, [viewer, activities, texts]);
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
