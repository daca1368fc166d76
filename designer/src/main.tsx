// Base styles first, so feature styles imported by the components below come after them.
import './app/app.css';
import './shared/ui/controls.css';
// Then the session, the router and the catalogue: the page's chunks, its data and the reader's
// language start loading now, while React DOM below is evaluated (see app.boot.ts).
import { i18nReady, router } from './app/app.boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// The first render waits for the reader's catalogue (a small cached chunk, loaded alongside the
// page's): no untranslated text is ever shown.
void i18nReady.then(
  () =>
    createRoot(root).render(
      <StrictMode>
        <App router={router} />
      </StrictMode>,
    ),
  // the catalogue could not be fetched (the network went away): say so in both languages, not a blank page
  () => {
    root.textContent = 'تعذّر تحميل ديوان، أعيدوا تحميل الصفحة. · Diwan n’a pas pu se charger : rechargez la page.';
  },
);
