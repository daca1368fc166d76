import type { CircuitXmlDto } from '@diwan/contracts';
import type { DataRouter } from 'react-router';
import { circuitXmlPath } from '../../shared/diagram/circuit-xml.api';
import { readStored } from '../../shared/session/session.storage';

type DiagramAhead = typeof import('../../shared/diagram/diagram-ahead');

/** A deployed circuit's page (app.router.tsx); `/circuits/drafts` is the drafts list. */
const CIRCUIT_PAGE = /^\/circuits\/([^/]+)$/;

/** How long the app's first render waits for the diagram's XML before it goes on without drawing ahead. */
const XML_WAIT_MS = 1000;

let xmlAhead: { id: string; response: Promise<CircuitXmlDto | null> } | null = null;
let drawing: Promise<DiagramAhead | null> = Promise.resolve(null);

/**
 * On a first load of a circuit's page (a link, a reload), draws the diagram before the app's first
 * render. The diagram is what the reader came for, and evaluating and rendering the signed-in shell
 * (React, the router, the header, the live connection) costs about as much main-thread time as
 * drawing it. Run by the entry (main.tsx), which loads the app only after it, so the XML and
 * bpmn-js are requested at once and drawing doesn't wait for the app's code to be evaluated. The page's viewer then takes the drawn diagram (BpmnViewer's
 * `aheadKey`) and the shell appears around it.
 *
 * Does nothing on other pages or when signed out. If the XML is slow or refused, or the drawing
 * fails, the app goes on as on any navigation: the page fetches the diagram itself and says why.
 */
export function drawCircuitAhead(): void {
  const id = circuitPageId(location.pathname);
  const token = readStored()?.token;
  if (!id || !token) return;
  const response = fetch(circuitXmlPath(id), { headers: { authorization: `Bearer ${token}` } }).then(
    (res) => (res.ok ? (res.json() as Promise<CircuitXmlDto>) : null),
    () => null,
  );
  xmlAhead = { id, response };
  const xmlInTime = Promise.race([response, new Promise<null>((resolve) => setTimeout(resolve, XML_WAIT_MS, null))]);
  drawing = Promise.all([import('../../shared/diagram/diagram-ahead'), xmlInTime])
    .then(async ([ahead, circuit]) => {
      if (!circuit) return null;
      await ahead.drawAhead(id, circuit.bpmn20Xml);
      return ahead;
    })
    .catch(() => null);
}

/** Settles once the diagram is drawn ahead (true), or at once if none is (false); never rejects. The app is loaded after it. */
export function diagramAhead(): Promise<boolean> {
  return drawing.then((ahead) => ahead !== null);
}

/** The XML the entry fetched for this circuit, taken once; `null` in it if the engine refused (the app asks again). */
export function takeXmlAhead(id: string): Promise<CircuitXmlDto | null> | null {
  if (xmlAhead?.id !== id) return null;
  const { response } = xmlAhead;
  xmlAhead = null;
  return response;
}

/** A diagram drawn ahead goes if the app leaves the page before showing it (the sign-in page, a page that failed to load). */
export function discardDiagramAheadOnLeave(router: DataRouter): void {
  void drawing.then((ahead) => {
    if (!ahead) return;
    const initial = router.state.location.pathname;
    const left = (state: DataRouter['state']) => state.location.pathname !== initial || state.errors !== null;
    if (left(router.state)) return ahead.discardDrawnAhead();
    const stop = router.subscribe((state) => {
      if (!left(state)) return;
      ahead.discardDrawnAhead();
      stop();
    });
  });
}

function circuitPageId(pathname: string): string | null {
  const encoded = CIRCUIT_PAGE.exec(pathname)?.[1];
  if (!encoded || encoded === 'drafts') return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null; // a malformed address: the app says so
  }
}
