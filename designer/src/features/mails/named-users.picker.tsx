import { useTranslation } from 'react-i18next';
import { useUsers } from '../../shared/directory/use-users';

interface NamedUsersPickerProps {
  value: string[];
  onChange: (usernames: string[]) => void;
  error?: string | undefined;
}

/** Who may see a confidential or secret mail: a checkbox list of users. */
export function NamedUsersPicker({ value, onChange, error }: NamedUsersPickerProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const toggle = (username: string, on: boolean) =>
    onChange(on ? [...value, username] : value.filter((candidate) => candidate !== username));
  return (
    <fieldset className={`fieldset check-list${error ? ' field--invalid' : ''}`} data-testid="named-users">
      <legend>{t('mailForm.namedUsers')}</legend>
      <p className="field__hint">{t('mailForm.namedUsersHint')}</p>
      {users.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {users.status === 'error' && <p className="field__error">{t('mailForm.usersFailed')}</p>}
      <div className="check-list__options">
        {users.status === 'success' &&
          users.data.map((user) => (
            <label key={user.username} className="check-list__option" data-username={user.username}>
              <input
                type="checkbox"
                checked={value.includes(user.username)}
                onChange={(event) => toggle(user.username, event.target.checked)}
              />
              <span dir="auto">{user.displayName}</span>
            </label>
          ))}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
