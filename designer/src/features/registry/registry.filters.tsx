import { MAIL_DIRECTIONS, MAIL_STATUSES } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../shared/directory/use-departments';
import { FormField } from '../../shared/ui/form-field';
import { FILTER_KEYS, type FilterKey, type RegistryFilters } from './registry.query';

interface RegistryFiltersFormProps {
  initial: RegistryFilters;
  onApply: (filters: RegistryFilters) => void;
}

const TEXT_FILTERS: { key: 'chronoNumber' | 'correspondent' | 'from' | 'to'; type: string; testId?: string }[] = [
  { key: 'chronoNumber', type: 'text', testId: 'registry-chrono' },
  { key: 'correspondent', type: 'text', testId: 'registry-correspondent' },
  { key: 'from', type: 'date', testId: 'registry-from' },
  { key: 'to', type: 'date', testId: 'registry-to' },
];

/** The search box and the filters; applied together on submit. Normalisation is the engine's. */
export function RegistryFiltersForm({ initial, onApply }: RegistryFiltersFormProps) {
  const { t } = useTranslation();
  const { departments, nameOf } = useDepartments();
  const [filters, setFilters] = useState(initial);
  const set = (key: FilterKey, value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const select = (key: 'status' | 'direction', values: readonly string[], label: (value: string) => string) => (
    <FormField label={t(`registry.filters.${key}`)}>
      {(control) => (
        <select {...control} className="field__input" value={filters[key]} data-testid={`registry-${key}`} onChange={(event) => set(key, event.target.value)}>
          <option value="">{t('registry.filters.any')}</option>
          {values.map((value) => (
            <option key={value} value={value}>
              {label(value)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filters);
  }

  return (
    <form className="registry-filters panel" role="search" onSubmit={submit}>
      <FormField label={t('registry.filters.q')} className="registry-filters__search">
        {(control) => (
          <input
            {...control}
            type="search"
            className="field__input"
            dir="auto"
            placeholder={t('registry.filters.qPlaceholder')}
            value={filters.q}
            data-testid="registry-search"
            onChange={(event) => set('q', event.target.value)}
          />
        )}
      </FormField>
      <div className="form-grid">
        {TEXT_FILTERS.map(({ key, type, testId }) => (
          <FormField key={key} label={t(`registry.filters.${key}`)}>
            {(control) => (
              <input
                {...control}
                type={type}
                className="field__input"
                dir={type === 'text' ? 'auto' : undefined}
                value={filters[key]}
                data-testid={testId}
                onChange={(event) => set(key, event.target.value)}
              />
            )}
          </FormField>
        ))}
        {select('status', MAIL_STATUSES, (status) => t(`statuses.${status}` as 'statuses.registered'))}
        {select('direction', MAIL_DIRECTIONS, (direction) => t(`directions.${direction}` as 'directions.incoming'))}
        <FormField label={t('registry.filters.department')}>
          {(control) => (
            <select {...control} className="field__input" value={filters.department} data-testid="registry-department" onChange={(event) => set('department', event.target.value)}>
              <option value="">{t('registry.filters.any')}</option>
              {departments.map((department) => (
                <option key={department.code} value={department.code}>
                  {nameOf(department.code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="registry-filters__actions">
        <button type="submit" className="button button--primary" data-testid="registry-submit">
          {t('registry.filters.apply')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            const empty = Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])) as RegistryFilters;
            setFilters(empty);
            onApply(empty);
          }}
        >
          {t('registry.filters.clear')}
        </button>
      </div>
    </form>
  );
}
