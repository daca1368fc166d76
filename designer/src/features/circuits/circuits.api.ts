import type { CircuitXmlDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { circuitXmlPath } from '../../shared/diagram/circuit-xml.api';

/** Engine paths for circuits; ids are process definition ids (`key:version:uuid`). */
export const circuitsPath = '/api/circuits';

/** The one XML request started ahead of its page, until the page takes it. */
let ahead: { path: string; response: Promise<CircuitXmlDto> } | null = null;

/**
 * Starts fetching a circuit's XML as the route is entered (its loader), so the request runs while
 * the viewer's chunk (bpmn-js) loads instead of after it. A deployed definition never changes.
 */
export function prefetchCircuitXml(id: string): void {
  const path = circuitXmlPath(id);
  if (ahead?.path === path) return;
  // On a first load this runs as the router is created, before React DOM is even evaluated; the
  // session is already plugged into the API client then (app.boot.ts).
  const response = apiFetch<CircuitXmlDto>(path);
  response.catch(() => undefined); // the page reports a failure when it takes the response
  ahead = { path, response };
}

/** The XML of a circuit: the response started ahead of the page if there is one (taken once), else a new request. */
export function fetchCircuitXml(id: string, signal: AbortSignal): Promise<CircuitXmlDto> {
  const path = circuitXmlPath(id);
  if (ahead?.path === path) {
    const { response } = ahead;
    ahead = null;
    return response;
  }
  return apiFetch<CircuitXmlDto>(path, { signal });
}
