import { useTranslation } from 'react-i18next';
import { useUsers } from '../../shared/directory/use-users';

interface UserPickerProps {
  department?: string;
  value: string;
  onChange: (username: string) => void;
  label: string;
  testId: string;
  exclude?: string;
}

/** A select of the users of a department (everyone visible when none), by display name. */
export function UserPicker({ department, value, onChange, label, testId, exclude }: UserPickerProps) {
  const { t } = useTranslation();
  const users = useUsers(department);
  const options = users.status === 'success' ? users.data.filter((user) => user.username !== exclude) : [];
  return (
    <label className="user-picker">
      <span className="visually-hidden">{label}</span>
      <select className="field__input" value={value} data-testid={testId} aria-label={label} onChange={(event) => onChange(event.target.value)}>
        <option value="">{users.status === 'loading' ? t('common.loading') : t('inbox.pickUser')}</option>
        {options.map((user) => (
          <option key={user.username} value={user.username}>
            {user.displayName}
          </option>
        ))}
      </select>
      {users.status === 'error' && <span className="field__error">{t('mailForm.usersFailed')}</span>}
    </label>
  );
}
