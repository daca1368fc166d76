import { useTranslation } from 'react-i18next';
import { signOut } from './logout';
import { useSession } from '../../shared/session/use-session';

/** Who is signed in (name and roles) and the way out. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const { displayName, username, roles } = session.user;
  return (
    <div className="user-menu">
      <div className="user-menu__who" title={username}>
        <span className="user-menu__name" data-testid="user-display-name">
          {displayName}
        </span>
        <span className="user-menu__roles" data-testid="user-roles">
          {roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(' · ')}
        </span>
      </div>
      <button
        type="button"
        className="button button--ghost"
        data-testid="logout-button"
        onClick={() => void signOut()}
      >
        {t('auth.logout')}
      </button>
    </div>
  );
}
