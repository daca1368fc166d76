import type { CircuitDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useDepartments } from '../../shared/directory/use-departments';
import { useMailTypes } from '../../shared/directory/use-mail-types';
import { useUsers } from '../../shared/directory/use-users';
import { useFormatNumber } from '../../shared/i18n/format-number';
import { OPEN_WORK_KEYS, type RegistryFilters } from './registry.query';

interface OpenWorkBannerProps {
  filters: RegistryFilters;
  onClear: () => void;
}

/**
 * What a dashboard count opened, in words ("Overdue open mails · Urban planning · Youssef
 * Gharbi"), with a way back to the whole register. Nothing when no such filter is set.
 */
export function OpenWorkBanner({ filters, onClear }: OpenWorkBannerProps) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const { nameOf } = useDepartments();
  const { labelOf } = useMailTypes();
  const users = useUsers();
  const circuits = useApiQuery<CircuitDto[]>(filters.circuit ? '/api/circuits' : null);
  if (!OPEN_WORK_KEYS.some((key) => filters[key])) return null;
  // names, not usernames or keys: wait for them
  if ((filters.assignee && users.status === 'loading') || (filters.circuit && circuits.status === 'loading')) return null;

  const work = filters.work === 'overdue' || filters.work === 'atRisk' ? filters.work : 'open';
  const riskDays = Number(filters.riskDays) || 3;
  const person = users.status === 'success' ? users.data.find((user) => user.username === filters.assignee)?.displayName : undefined;
  const circuit = circuits.status === 'success' ? circuits.data.find((c) => c.key === filters.circuit)?.name : undefined;
  const parts = [
    work === 'atRisk' ? t('registry.openWork.atRisk', { count: riskDays, days: formatNumber(riskDays) }) : t(`registry.openWork.${work}`),
    filters.openIn && nameOf(filters.openIn),
    filters.assignee && (person ?? filters.assignee),
    filters.circuit && (circuit ?? filters.circuit),
    filters.mailType && labelOf(filters.mailType),
  ].filter(Boolean);

  return (
    <div className="alert alert--dismissible registry-open-work" role="status" data-testid="registry-open-work">
      <p>
        {parts.map((part, index) => (
          <span key={index}>
            {index > 0 && ' · '}
            <bdi>{part}</bdi>
          </span>
        ))}
      </p>
      <button type="button" className="button button--ghost button--small" onClick={onClear}>
        {t('registry.openWork.clear')}
      </button>
    </div>
  );
}
