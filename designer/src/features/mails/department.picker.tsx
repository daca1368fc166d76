import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../shared/directory/use-departments';

interface DepartmentPickerProps {
  legend: string;
  testId: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

/** A checkbox list of departments, named in the current language; each option carries `data-code`. */
export function DepartmentPicker({ legend, testId, value, onChange, error }: DepartmentPickerProps) {
  const { t } = useTranslation();
  const { query, departments, nameOf } = useDepartments();
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value, code] : value.filter((candidate) => candidate !== code));
  return (
    <fieldset className={`fieldset check-list${error ? ' field--invalid' : ''}`} data-testid={testId}>
      <legend>{legend}</legend>
      {query.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {query.status === 'error' && <p className="field__error">{t('mailForm.departmentsFailed')}</p>}
      <div className="check-list__options">
        {departments.map((department) => (
          <label key={department.code} className="check-list__option" data-code={department.code}>
            <input
              type="checkbox"
              value={department.code}
              checked={value.includes(department.code)}
              onChange={(event) => toggle(department.code, event.target.checked)}
            />
            {nameOf(department.code)}
          </label>
        ))}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
