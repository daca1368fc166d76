import type { CircuitXmlDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { circuitXmlPath } from '../../shared/diagram/circuit-xml.api';
import { takeXmlAhead } from './circuit-ahead';

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
  // On a first load, the entry has fetched it already (circuit-ahead.ts); if the engine refused
  // it, the request is made again here, so that the page reports the refusal as on any navigation.
  // The session is plugged into the API client before the router is created (app.boot.ts).
  const response = takeXmlAhead(id)?.then((circuit) => circuit ?? apiFetch<CircuitXmlDto>(path)) ?? apiFetch<CircuitXmlDto>(path);
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
