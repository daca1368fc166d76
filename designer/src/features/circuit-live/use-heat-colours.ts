import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type GraphicsFactory from 'diagram-js/lib/core/GraphicsFactory';
import type { ElementLike } from 'diagram-js/lib/model/Types';
import { useEffect, useRef } from 'react';
import { HEAT_OUTLINE, type Heat } from './heat.scale';

interface ColouredDi {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

/**
 * Fills each step's shape with its colour on the heat scale, the way bpmn-js colours elements
 * (the BPMN in Color attributes `color:background-color` and `color:border-color` on the shape's
 * DI, then the shape is drawn again), so the renderer paints it, not a layer on top. Steps that
 * leave the heat go back to their own colours.
 */
export function useHeatColours(viewer: NavigatedViewer | null, heat: Heat | null): void {
  const coloured = useRef(new Set<string>());
  useEffect(() => {
    if (!viewer) {
      coloured.current = new Set();
      return;
    }
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const graphics = viewer.get<GraphicsFactory>('graphicsFactory');
    const wanted = new Map<string, string>();
    for (const [id, value] of heat?.values ?? []) wanted.set(id, heat!.colourOf(value));
    for (const id of new Set([...coloured.current, ...wanted.keys()])) {
      const element = registry.get(id);
      const di = element && diOf(element);
      if (!element || !di) continue;
      const fill = wanted.get(id);
      if (di.get('color:background-color') === fill) continue;
      di.set('color:background-color', fill);
      di.set('color:border-color', fill === undefined ? undefined : HEAT_OUTLINE);
      graphics.update('shape', element, registry.getGraphics(element));
    }
    coloured.current = new Set(wanted.keys());
  }, [viewer, heat]);
}

function diOf(element: ElementLike): ColouredDi | null {
  const di = (element as { di?: ColouredDi }).di;
  return di && typeof di.set === 'function' ? di : null;
}
