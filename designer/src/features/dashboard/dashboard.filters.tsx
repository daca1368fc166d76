import { DASHBOARD_PERIODS, type CircuitDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../shared/directory/use-departments';
import { useMailTypes } from '../../shared/directory/use-mail-types';
import { useFormatNumber } from '../../shared/i18n/format-number';
import { FormField } from '../../shared/ui/form-field';
import { RISK_DAYS_CHOICES, type DashboardFilters } from './dashboard.query';

interface DashboardFiltersFormProps {
  filters: DashboardFilters;
  /** Called with the changed filter only: the page applies it to the latest filters. */
  onChange: (change: Partial<DashboardFilters>) => void;
  circuits: CircuitDto[];
}

/** Period, department, circuit, mail type and the "at risk" horizon; each change applies at once. */
export function DashboardFiltersForm({ filters, onChange, circuits }: DashboardFiltersFormProps) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const { departments, nameOf } = useDepartments();
  const { mailTypes, labelOf } = useMailTypes();
  const set = <K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]) => onChange({ [key]: value });

  const select = (key: 'department' | 'circuit' | 'mailType', options: { value: string; label: string }[]) => (
    <FormField label={t(`dashboard.filters.${key}`)}>
      {(control) => (
        <select {...control} className="field__input" value={filters[key]} data-testid={`dashboard-${key}`} onChange={(event) => set(key, event.target.value)}>
          <option value="">{t('dashboard.filters.all')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <form className="dashboard-filters panel" role="search" aria-label={t('dashboard.filters.label')} onSubmit={(event) => event.preventDefault()}>
      <FormField label={t('dashboard.filters.period')}>
        {(control) => (
          <select
            {...control}
            className="field__input"
            value={filters.period}
            data-testid="dashboard-period"
            onChange={(event) => set('period', event.target.value as DashboardFilters['period'])}
          >
            {DASHBOARD_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`dashboard.periods.${period}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {select(
        'department',
        departments.map((department) => ({ value: department.code, label: nameOf(department.code) })),
      )}
      {select(
        'circuit',
        circuits.map((circuit) => ({ value: circuit.key, label: circuit.name ?? circuit.key })),
      )}
      {select(
        'mailType',
        mailTypes.map((type) => ({ value: type.code, label: labelOf(type.code) })),
      )}
      <FormField label={t('dashboard.filters.riskDays')}>
        {(control) => (
          <select {...control} className="field__input" value={filters.riskDays} data-testid="dashboard-risk-days" onChange={(event) => set('riskDays', Number(event.target.value))}>
            {[...new Set([...RISK_DAYS_CHOICES, filters.riskDays])].sort((a, b) => a - b).map((days) => (
              <option key={days} value={days}>
                {t('dashboard.filters.withinDays', { count: days, days: formatNumber(days) })}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </form>
  );
}
