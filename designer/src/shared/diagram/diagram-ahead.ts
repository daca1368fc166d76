import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import { documentParsed } from '../document-parsed';
import { rememberedDiagramTop } from './diagram-place';
import { createViewer, fitDiagram, importOffPage, processNameOf } from './navigated-viewer';

/** A diagram drawn before the app was rendered, until its page's viewer takes it. */
interface DrawnAhead {
  /** Names the page the diagram was drawn for (a circuit's id): only that page's viewer takes it. */
  key: string;
  xml: string;
  viewer: NavigatedViewer;
  host: HTMLDivElement;
  frame: HTMLDivElement;
  /** The view right after the fit: the reader has panned or zoomed if it is no longer this one. */
  fitted: string;
}

/** The canvas's current view (position and zoom), comparable as a string. */
function viewOf(viewer: NavigatedViewer): string {
  const { x, y, scale } = viewer.get<Canvas>('canvas').viewbox();
  return `${x} ${y} ${scale}`;
}

let drawn: DrawnAhead | null = null;

/**
 * Draws a diagram in a frame of its own, outside the app's root, where its page will show it
 * (`.bpmn-canvas--ahead`, at the top its page's canvas had last time: diagram-place.ts), then keeps it for the page's viewer (takeDrawnAhead). The frame is the
 * canvas the reader sees meanwhile: same test id, same states as the page's. Throws if the diagram
 * can't be drawn (the page then imports it itself and says why).
 */
export async function drawAhead(key: string, xml: string): Promise<void> {
  await documentParsed();
  const frame = document.createElement('div');
  frame.className = 'bpmn-canvas bpmn-canvas--ahead';
  frame.dir = 'ltr';
  frame.setAttribute('role', 'img');
  frame.setAttribute('data-testid', 'bpmn-canvas');
  frame.setAttribute('data-state', 'importing');
  frame.setAttribute('aria-busy', 'true');
  const top = rememberedDiagramTop();
  if (top !== null) frame.style.insetBlockStart = `${top}px`;
  document.body.append(frame);
  const { viewer, host } = createViewer();
  try {
    await importOffPage(viewer, xml, host, frame);
  } catch (error) {
    viewer.destroy();
    frame.remove();
    throw error;
  }
  fitDiagram(viewer);
  // the process's own name, in the language it was drawn in (the app's catalogue isn't read yet)
  frame.setAttribute('aria-label', processNameOf(viewer) ?? key);
  frame.setAttribute('aria-busy', 'false');
  frame.setAttribute('data-state', 'ready');
  drawn = { key, xml, viewer, host, frame, fitted: viewOf(viewer) };
}

/**
 * The viewer drawn ahead for this page, taken once: its frame leaves the document, its host is the
 * caller's. `moved` says whether the reader panned or zoomed it meanwhile (the caller then keeps that
 * view rather than fitting the diagram again).
 */
export function takeDrawnAhead(key: string): { viewer: NavigatedViewer; host: HTMLDivElement; xml: string; moved: boolean } | null {
  if (drawn?.key !== key) return null;
  const { viewer, host, xml, frame, fitted } = drawn;
  drawn = null;
  frame.remove();
  return { viewer, host, xml, moved: viewOf(viewer) !== fitted };
}

/** Drops a diagram drawn ahead that no page took (the reader went elsewhere before the page showed). */
export function discardDrawnAhead(): void {
  if (!drawn) return;
  drawn.viewer.destroy();
  drawn.frame.remove();
  drawn = null;
}
