import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../shared/directory/use-departments';
import { FormField } from '../../shared/ui/form-field';
import { INBOX_SORTS, type InboxFilters, type InboxSort } from './inbox.view';

interface InboxToolbarProps {
  filters: InboxFilters;
  groups: string[];
  onChange: (filters: InboxFilters) => void;
}

/** Filter by department (candidate group) and lateness; order by due date, priority or age. */
export function InboxToolbar({ filters, groups, onChange }: InboxToolbarProps) {
  const { t } = useTranslation();
  const { nameOf } = useDepartments();
  return (
    <div className="toolbar" data-testid="inbox-toolbar">
      <FormField label={t('inbox.filters.group')}>
        {(control) => (
          <select {...control} className="field__input" value={filters.candidateGroup} data-testid="inbox-filter-group" onChange={(event) => onChange({ ...filters, candidateGroup: event.target.value })}>
            <option value="">{t('inbox.filters.allGroups')}</option>
            {groups.map((group) => (
              <option key={group} value={group}>
                {nameOf(group)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('inbox.filters.sort')}>
        {(control) => (
          <select {...control} className="field__input" value={filters.sort} data-testid="inbox-sort" onChange={(event) => onChange({ ...filters, sort: event.target.value as InboxSort })}>
            {INBOX_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`inbox.sorts.${sort}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <label className="toolbar__check">
        <input type="checkbox" checked={filters.overdueOnly} data-testid="inbox-filter-overdue" onChange={(event) => onChange({ ...filters, overdueOnly: event.target.checked })} />
        {t('inbox.filters.overdueOnly')}
      </label>
    </div>
  );
}
