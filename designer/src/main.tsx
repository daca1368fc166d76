// Base styles first, so feature styles imported by the components below come after them.
import './app/app.css';
import './shared/ui/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { setupAuth } from './features/auth/auth.setup';
import { setupI18n } from './shared/i18n/i18n.setup';

setupI18n();
setupAuth();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
