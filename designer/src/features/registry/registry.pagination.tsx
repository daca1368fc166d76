import type { MailPage } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { withParam } from './registry.query';

interface RegistryPaginationProps {
  page: MailPage;
  params: URLSearchParams;
  onParams: (params: URLSearchParams) => void;
}

/** Previous / next and "page n of m". */
export function RegistryPagination({ page, params, onParams }: RegistryPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pages <= 1) return null;
  const go = (n: number) => onParams(withParam(params, 'page', String(n)));
  return (
    <nav className="pagination" aria-label={t('registry.pagination.label')} data-testid="registry-pagination">
      <button type="button" className="button button--ghost button--small" disabled={page.page <= 1} onClick={() => go(page.page - 1)}>
        {t('registry.pagination.previous')}
      </button>
      <span>{t('registry.pagination.status', { page: page.page, pages })}</span>
      <button type="button" className="button button--ghost button--small" disabled={page.page >= pages} onClick={() => go(page.page + 1)}>
        {t('registry.pagination.next')}
      </button>
    </nav>
  );
}
