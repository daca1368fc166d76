import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './bpmn-viewer.css';

export type BpmnViewerState = 'importing' | 'ready' | 'failed';

interface BpmnViewerProps {
  /** `null` while the diagram is still being fetched: the viewer is made ready meanwhile. */
  xml: string | null;
  label: string;
  onStateChange?: (state: BpmnViewerState, error?: unknown) => void;
  /** Bumped by the page's "fit" button to fit the diagram again. */
  fitRequest?: number;
  /** CSS classes to put on elements (canvas markers): `{ 'diwan-active': ['triage'] }`. */
  markers?: Record<string, string[]>;
  testId?: string;
  /** The viewer, once a diagram is imported and fitted (for overlays); `null` while importing again. */
  onReady?: (viewer: NavigatedViewer | null) => void;
}

/**
 * Read-only BPMN diagram with pan and zoom (bpmn-js NavigatedViewer). One viewer per mount,
 * destroyed on unmount; the container is laid out LTR whatever the page direction, since
 * BPMN coordinates are absolute.
 */
export function BpmnViewer({ xml, label, onStateChange, fitRequest = 0, markers, testId = 'bpmn-canvas', onReady }: BpmnViewerProps) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [state, setState] = useState<BpmnViewerState>('importing');
  const notify = useRef(onStateChange);
  const ready = useRef(onReady);
  useEffect(() => {
    notify.current = onStateChange;
    ready.current = onReady;
  });

  // The viewer draws into a host of its own, kept out of the page while it imports (see importOffPage).
  const host = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!container.current) return;
    const div = document.createElement('div');
    div.className = 'bpmn-canvas__host';
    const instance = new NavigatedViewer({ container: div });
    host.current = div;
    viewer.current = instance;
    return () => {
      instance.destroy();
      viewer.current = null;
      host.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance || !host.current || !container.current || xml === null) return;
    let cancelled = false;
    setState('importing');
    notify.current?.('importing');
    ready.current?.(null);
    importOffPage(instance, xml, host.current, container.current).then(
      () => {
        if (cancelled) return;
        fitDiagram(instance.get<Canvas>('canvas'));
        // The diagram is drawn: the page drops its "loading" in this same task, not a later one.
        flushSync(() => {
          setState('ready');
          notify.current?.('ready');
        });
        ready.current?.(instance);
      },
      (error: unknown) => {
        if (cancelled) return;
        setState('failed');
        notify.current?.('failed', error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [xml]);

  const markersKey = JSON.stringify(markers ?? {});
  const applied = useRef<[string, string][]>([]);
  useEffect(() => {
    if (state !== 'ready' || !viewer.current) return;
    const canvas = viewer.current.get<Canvas>('canvas');
    for (const [id, cls] of applied.current) canvas.removeMarker(id, cls);
    applied.current = [];
    const wanted = JSON.parse(markersKey) as Record<string, string[]>;
    for (const [cls, ids] of Object.entries(wanted)) {
      for (const id of ids) {
        try {
          canvas.addMarker(id, cls);
          applied.current.push([id, cls]);
        } catch {
          // an id that is not in this diagram (another version): skip it
        }
      }
    }
  }, [markersKey, state]);

  useEffect(() => {
    if (fitRequest === 0 || state !== 'ready') return;
    if (viewer.current) fitDiagram(viewer.current.get<Canvas>('canvas'));
  }, [fitRequest, state]);

  return (
    <div
      ref={container}
      className="bpmn-canvas"
      data-testid={testId}
      data-state={state}
      dir="ltr"
      role="img"
      aria-label={label}
      aria-busy={state === 'importing'}
    />
  );
}

/**
 * Imports with the viewer's host out of the document, then puts it back: each label that bpmn-js
 * measures while drawing then lays out only itself, not the page and every shape drawn so far, and
 * the page is laid out once, with the whole diagram.
 */
async function importOffPage(instance: NavigatedViewer, xml: string, host: HTMLDivElement, container: HTMLDivElement): Promise<void> {
  host.remove();
  try {
    await instance.importXML(xml);
  } finally {
    container.append(host);
    instance.get<Canvas>('canvas').resized();
  }
}

/**
 * Fits the diagram to the container and centres it. diagram-js centres when `center` is truthy
 * (its docs pass 'auto'); its type only names a Point, hence the cast.
 */
function fitDiagram(canvas: Canvas): void {
  canvas.zoom('fit-viewport', 'auto' as never);
}
