import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { UserMenu } from '../features/auth/user-menu';
import { NotificationBell } from '../features/notifications/notification-bell';
import { useSession } from '../shared/session/use-session';
import { canSee } from './app.nav';
import { useUserTasks } from '../features/inbox/user-tasks.context';
import { LanguageSwitch } from '../shared/i18n/language-switch';
import { ConnectionStatus } from '../shared/realtime/connection-status';

export function AppHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { loaded, userTasks } = useUserTasks();
  const roles = useSession()?.user.roles ?? [];
  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <div className="app-header__brand">
        <span className="brand-mark" aria-hidden="true">
          د
        </span>
        <span className="app-header__name">
          <span lang="fr">Diwan</span> <span aria-hidden="true">/</span> <span lang="ar">ديوان</span>
        </span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <NavLink to="/inbox" className="app-nav__link" data-testid="nav-inbox">
          {t('nav.inbox')}
          {loaded && userTasks.length > 0 && (
            <span className="app-nav__count" aria-hidden="true">
              {userTasks.length}
            </span>
          )}
        </NavLink>
        <NavLink to="/absences" className="app-nav__link" data-testid="nav-absences">
          {t('nav.absences')}
        </NavLink>
        {canSee(roles, 'newMail') && (
          <NavLink to="/mails/new" className="app-nav__link" data-testid="nav-new-mail">
            {t('nav.newMail')}
          </NavLink>
        )}
        {canSee(roles, 'registry') && (
          <NavLink to="/registry" className="app-nav__link" data-testid="nav-registry">
            {t('nav.registry')}
          </NavLink>
        )}
        {canSee(roles, 'dashboard') && (
          <NavLink to="/dashboard" className="app-nav__link" data-testid="nav-dashboard">
            {t('nav.dashboard')}
          </NavLink>
        )}
        {canSee(roles, 'reports') && (
          <NavLink to="/reports" className="app-nav__link" data-testid="nav-reports">
            {t('nav.reports')}
          </NavLink>
        )}
        {canSee(roles, 'operations') && (
          <NavLink to="/operations" className="app-nav__link" data-testid="nav-operations">
            {t('nav.operations')}
          </NavLink>
        )}
        {canSee(roles, 'circuits') && (
          // Deployed circuits, not the modeler's drafts, which live under /circuits/drafts.
          <Link
            to="/circuits"
            className="app-nav__link"
            data-testid="nav-circuits"
            aria-current={pathname.startsWith('/circuits') && !pathname.startsWith('/circuits/drafts') ? 'page' : undefined}
          >
            {t('nav.circuits')}
          </Link>
        )}
        {canSee(roles, 'modeler') && (
          <NavLink to="/circuits/drafts" className="app-nav__link" data-testid="nav-modeler">
            {t('nav.modeler')}
          </NavLink>
        )}
        {canSee(roles, 'mailTypes') && (
          <NavLink to="/admin/mail-types" className="app-nav__link" data-testid="nav-mail-types">
            {t('nav.mailTypes')}
          </NavLink>
        )}
        {canSee(roles, 'exchange') && (
          <NavLink to="/admin/exchange" className="app-nav__link" data-testid="nav-exchange">
            {t('nav.exchange')}
          </NavLink>
        )}
      </nav>
      <div className="app-header__tools">
        <ConnectionStatus />
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
