// The session, the router and the catalogue first: the page's chunks, its data and the reader's
// language start loading now, while React DOM below is evaluated (see app.boot.ts).
import { i18nReady, router } from './app.boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

/**
 * Renders the app once the reader's catalogue is in (a small cached chunk, loaded alongside the
 * page's): no untranslated text is ever shown. Rejects if the catalogue can't be fetched.
 */
export async function startApp(root: HTMLElement): Promise<void> {
  await i18nReady;
  createRoot(root).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
}
