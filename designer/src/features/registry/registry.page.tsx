import { SOCKET_EVENTS, type MailPage } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { CsvExportButton } from './csv-export.button';
import { RegistryFiltersForm } from './registry.filters';
import { RegistryPagination } from './registry.pagination';
import { OpenWorkBanner } from './open-work.banner';
import { filtersOf, registryPath, withFilters, withoutOpenWork } from './registry.query';
import { RegistryTable } from './registry.table';
import './registry.css';

/** The register (سجل): search, filter, sort, page through and export the mails one may see. */
export function RegistryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = useApiQuery<MailPage>(registryPath(params));
  // New and changed mails show up without a reload; the engine decides who may see them.
  useSocketEvent(SOCKET_EVENTS.mailRegistered, query.refresh);
  useSocketEvent(SOCKET_EVENTS.mailUpdated, query.refresh);

  return (
    <section className="page page--wide" aria-labelledby="registry-title">
      <header className="page__header registry__header">
        <div>
          <h1 id="registry-title">{t('registry.title')}</h1>
          <p className="page__intro">{t('registry.intro')}</p>
        </div>
        <CsvExportButton path={registryPath(params, 'csv')} />
      </header>
      <RegistryFiltersForm
        key={params.toString()}
        initial={filtersOf(params)}
        onApply={(filters) => setParams(withFilters(params, filters))}
      />
      <OpenWorkBanner filters={filtersOf(params)} onClear={() => setParams(withoutOpenWork(params))} />
      {query.status === 'loading' && <Loading>{t('registry.loading')}</Loading>}
      {query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {query.status === 'success' && (
        <>
          <p className="muted" role="status" data-testid="registry-total">
            {t('registry.total', { count: query.data.total })}
            {query.data.withheld ? ` ${t('registry.withheld', { count: query.data.withheld })}` : ''}
          </p>
          {query.data.items.length === 0 ? (
            <p className="empty">{t('registry.empty')}</p>
          ) : (
            <RegistryTable mails={query.data.items} params={params} onParams={setParams} />
          )}
          <RegistryPagination page={query.data} params={params} onParams={setParams} />
        </>
      )}
    </section>
  );
}
