import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../shared/i18n/language-switch';
import './portal.css';

/** The public pages' frame: the language switch, the brand, one card. No login, no navigation. */
export function PortalShell({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className="portal">
      <div className="portal__language">
        <LanguageSwitch />
      </div>
      <main className="portal__card" id="main" data-testid={testId}>
        <p className="portal__brand">
          <span className="brand-mark" aria-hidden="true">
            د
          </span>
          <span lang="fr">Diwan</span> · <span lang="ar">ديوان</span>
        </p>
        {children}
      </main>
    </div>
  );
}
