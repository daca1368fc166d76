import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { documentParsed } from '../document-parsed';
import { createViewer, fitDiagram, importOffPage, processNameOf } from './navigated-viewer';

/** A diagram drawn before the app was rendered, until its page's viewer takes it. */
interface DrawnAhead {
  /** Names the page the diagram was drawn for (a circuit's id): only that page's viewer takes it. */
  key: string;
  xml: string;
  viewer: NavigatedViewer;
  host: HTMLDivElement;
  frame: HTMLDivElement;
}

let drawn: DrawnAhead | null = null;

/**
 * Draws a diagram in a frame of its own, outside the app's root, where its page will show it
 * (`.bpmn-canvas--ahead`), then keeps it for the page's viewer (takeDrawnAhead). The frame is the
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
  drawn = { key, xml, viewer, host, frame };
}

/** The viewer drawn ahead for this page, taken once: its frame leaves the document, its host is the caller's. */
export function takeDrawnAhead(key: string): { viewer: NavigatedViewer; host: HTMLDivElement; xml: string } | null {
  if (drawn?.key !== key) return null;
  const { viewer, host, xml, frame } = drawn;
  drawn = null;
  frame.remove();
  return { viewer, host, xml };
}

/** Drops a diagram drawn ahead that no page took (the reader went elsewhere before the page showed). */
export function discardDrawnAhead(): void {
  if (!drawn) return;
  drawn.viewer.destroy();
  drawn.frame.remove();
  drawn = null;
}
