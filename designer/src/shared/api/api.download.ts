import { ApiError } from './api.error';
import { currentLanguage } from '../i18n/language';
import { getApiToken, notifyUnauthorized } from './api.client';

/**
 * GETs a file with the bearer token (it is not a cookie, so a plain link or <iframe src> cannot
 * carry it) and returns it as a Blob, with the file name the engine suggests, if any.
 */
export async function apiBlob(path: string, signal?: AbortSignal): Promise<{ blob: Blob; filename: string | null }> {
  const token = getApiToken();
  let response: Response;
  try {
    // documents (reports) are written in the page's language
    const headers: Record<string, string> = { 'Accept-Language': currentLanguage() };
    if (token) headers.Authorization = `Bearer ${token}`;
    response = await fetch(path, { headers, signal: signal ?? null });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) {
    if (response.status === 401 && token) notifyUnauthorized();
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON: fall back on the status
    }
    throw ApiError.fromBody(response.status, body);
  }
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}

/** Saves a blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}
