import type { MailDispatchDto } from '@diwan/contracts';
import { apiFetch } from '../api/api.client';
import { apiBlob } from '../api/api.download';

export const mailDispatchPath = (mailId: string) => `/api/mails/${encodeURIComponent(mailId)}/dispatch`;

export type DispatchDocument = 'slip' | 'envelope-DL' | 'envelope-C5';

const documentPath = (mailId: string, document: DispatchDocument) =>
  document === 'slip' ? `${mailDispatchPath(mailId)}/slip.pdf` : `${mailDispatchPath(mailId)}/envelope.pdf?size=${document.slice('envelope-'.length)}`;

/** The registry clerk confirms the posting, with the registered-post number if any. */
export function confirmPosted(mailId: string, reference: string): Promise<{ dispatch: MailDispatchDto }> {
  return apiFetch(`${mailDispatchPath(mailId)}/posted`, { method: 'POST', body: reference.trim() ? { reference: reference.trim() } : {} });
}

/**
 * Opens the slip or the envelope (a protected PDF) in a new tab to print it: the tab is opened at
 * the click (so no pop-up blocker stops it), then pointed at the file once fetched.
 */
export async function openDispatchDocument(mailId: string, document: DispatchDocument): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { blob } = await apiBlob(documentPath(mailId, document));
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
