import { currentLanguage } from '../i18n/language';
import { ApiError } from './api.error';

/** How the client finds the token and what it does on a 401; the auth feature plugs itself in. */
export interface ApiAuth {
  getToken: () => string | null;
  onUnauthorized: () => void;
}

let auth: ApiAuth = { getToken: () => null, onUnauthorized: () => undefined };

export function configureApiAuth(next: ApiAuth): void {
  auth = next;
}

/** For the other transports (uploads, downloads) that cannot go through `apiFetch`. */
export function getApiToken(): string | null {
  return auth.getToken();
}

export function notifyUnauthorized(): void {
  auth.onUnauthorized();
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The one way the designer talks to the engine: relative `/api/...` URLs, the bearer token,
 * JSON in and out, and every failure turned into an {@link ApiError}. A 401 on an
 * authenticated call means the session is gone, so it logs out.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const token = auth.getToken();
  // the engine answers in the page's language (refusals, localised forms)
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }

  const body = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && token) auth.onUnauthorized();
    throw ApiError.fromBody(response.status, body);
  }
  return body as T;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
