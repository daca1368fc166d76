import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { takeDrawnAhead } from './diagram-ahead';
import { rememberDiagramPlace } from './diagram-place';
import { createViewer, fitDiagram, importOffPage, placeHost } from './navigated-viewer';

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
  /** The key a diagram drawn before the app would have for this page (see diagram-ahead.ts): the viewer takes it. */
  aheadKey?: string;
}

/**
 * Read-only BPMN diagram with pan and zoom (bpmn-js NavigatedViewer). One viewer per mount,
 * destroyed on unmount; the container is laid out LTR whatever the page direction, since
 * BPMN coordinates are absolute.
 */
export function BpmnViewer({ xml, label, onStateChange, fitRequest = 0, markers, testId = 'bpmn-canvas', onReady, aheadKey }: BpmnViewerProps) {
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
  // On a first load, the page's diagram may have been drawn before the app: the viewer takes it, in
  // the commit that shows the page (a layout effect), so its frame and this canvas are never both seen.
  const host = useRef<HTMLDivElement | null>(null);
  const drawnXml = useRef<string | null>(null);
  const initialAheadKey = useRef(aheadKey);
  useLayoutEffect(() => {
    if (!container.current || initialAheadKey.current === undefined) return;
    const ahead = takeDrawnAhead(initialAheadKey.current);
    if (!ahead) return;
    host.current = ahead.host;
    viewer.current = ahead.viewer;
    drawnXml.current = ahead.xml;
    placeHost(ahead.viewer, ahead.host, container.current);
    // fitted again for the page's canvas, unless the reader has moved the view meanwhile
    if (!ahead.moved) fitDiagram(ahead.viewer);
    setState('ready');
    notify.current?.('ready');
    ready.current?.(ahead.viewer);
  }, []);
  // Where the canvas is, for the next first load's drawing ahead: once it shows a diagram, and again
  // when the page around it settles (the header wraps once the live status and the user are in). A
  // move changes the canvas's height (it goes down to the window's bottom) or, when it is at its
  // smallest, the page's.
  useEffect(() => {
    const canvas = container.current;
    if (state !== 'ready' || initialAheadKey.current === undefined || !canvas) return;
    const observer = new ResizeObserver(() => rememberDiagramPlace(canvas));
    observer.observe(canvas);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [state]);
  // Otherwise a viewer of its own, made ready while the diagram is still on its way.
  useEffect(() => {
    if (!container.current) return;
    if (!viewer.current) {
      const made = createViewer();
      host.current = made.host;
      viewer.current = made.viewer;
    }
    const instance = viewer.current;
    return () => {
      instance.destroy();
      viewer.current = null;
      host.current = null;
      drawnXml.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance || !host.current || !container.current || xml === null || xml === drawnXml.current) return;
    let cancelled = false;
    drawnXml.current = null;
    setState('importing');
    notify.current?.('importing');
    ready.current?.(null);
    importOffPage(instance, xml, host.current, container.current).then(
      () => {
        if (cancelled) return;
        drawnXml.current = xml;
        fitDiagram(instance);
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
    if (viewer.current) fitDiagram(viewer.current);
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
