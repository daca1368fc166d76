import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './bpmn-viewer.css';

/** A read-only viewer with pan and zoom (bpmn-js NavigatedViewer), drawing into a host div of its own. */
export function createViewer(): { viewer: NavigatedViewer; host: HTMLDivElement } {
  const host = document.createElement('div');
  host.className = 'bpmn-canvas__host';
  return { viewer: new NavigatedViewer({ container: host }), host };
}

/**
 * Imports with the viewer's host out of the document, then puts it in the container: each label that
 * bpmn-js measures while drawing then lays out only itself, not the page and every shape drawn so
 * far, and the page is laid out once, with the whole diagram.
 */
export async function importOffPage(viewer: NavigatedViewer, xml: string, host: HTMLDivElement, container: HTMLElement): Promise<void> {
  host.remove();
  try {
    await viewer.importXML(xml);
  } finally {
    placeHost(viewer, host, container);
  }
}

/** Puts the viewer's host in a container and lets the canvas take its size. */
export function placeHost(viewer: NavigatedViewer, host: HTMLDivElement, container: HTMLElement): void {
  container.append(host);
  viewer.get<Canvas>('canvas').resized();
}

/**
 * Fits the diagram to the container and centres it. diagram-js centres when `center` is truthy
 * (its docs pass 'auto'); its type only names a Point, hence the cast.
 */
export function fitDiagram(viewer: NavigatedViewer): void {
  viewer.get<Canvas>('canvas').zoom('fit-viewport', 'auto' as never);
}

/** The name of the process the viewer drew (its root element), if it has one. */
export function processNameOf(viewer: NavigatedViewer): string | null {
  const root = viewer.get<Canvas>('canvas').getRootElement() as { businessObject?: { name?: string } };
  return root.businessObject?.name?.trim() || null;
}
