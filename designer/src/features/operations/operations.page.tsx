import type { CircuitDto, MailDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useLanguageRefresh } from '../../shared/i18n/use-language-refresh';
import { canOperate, OPERATIONS_TABS, type OperationsTab } from '../../shared/routes/operations.routes';
import { useSession } from '../../shared/session/use-session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { DeadLettersPanel } from './dead-letters.panel';
import { IncidentsPanel } from './incidents.panel';
import { InstancePanel } from './instance.panel';
import { MigrationPanel } from './migration.panel';
import { ReassignPanel } from './reassign.panel';
import './operations.css';

const isTab = (value: string | null): value is OperationsTab => (OPERATIONS_TABS as readonly (string | null)[]).includes(value);

/**
 * Operations for admins and supervisors: incidents, the bridge's dead letters, bulk
 * reassignment, one instance (cancel, move) and migration to another circuit version. The tab
 * and the mail sit in the URL, so that the mail page can link straight to its instance.
 */
export function OperationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: OperationsTab = isTab(params.get('tab')) ? (params.get('tab') as OperationsTab) : 'incidents';
  const mailId = params.get('mail');
  const circuits = useApiQuery<CircuitDto[]>('/api/circuits');
  useLanguageRefresh(circuits.refresh);
  const mail = useApiQuery<MailDto>(tab === 'instance' && mailId ? `/api/mails/${encodeURIComponent(mailId)}` : null);
  const deployed = circuits.status === 'success' ? circuits.data : [];

  const roles = useSession()?.user.roles ?? [];
  if (!canOperate(roles)) return <p className="alert alert--error" role="alert" data-testid="operations-not-allowed">{t('errors.not_allowed')}</p>;

  const show = (next: OperationsTab) => setParams(next === 'incidents' ? {} : { tab: next });
  return (
    <section className="page page--wide operations-page" aria-labelledby="operations-title" data-testid="operations-page">
      <header className="page__header">
        <h1 id="operations-title">{t('operations.title')}</h1>
        <p className="page__intro">{t('operations.intro')}</p>
      </header>
      <div role="tablist" aria-label={t('operations.tabs.label')} className="tabs">
        {OPERATIONS_TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`operations-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="operations-panel"
            className="tabs__tab"
            data-testid={`operations-tab-${id}`}
            onClick={() => show(id)}
          >
            {t(`operations.tabs.${id}`)}
          </button>
        ))}
      </div>
      {circuits.status === 'error' && <ErrorMessage error={circuits.error} onRetry={circuits.retry} />}
      <div id="operations-panel" role="tabpanel" aria-labelledby={`operations-tab-${tab}`}>
        {tab === 'incidents' && <IncidentsPanel circuits={deployed} />}
        {tab === 'deadLetters' && <DeadLettersPanel />}
        {tab === 'reassign' && <ReassignPanel />}
        {tab === 'instance' && (
          <>
            {mailId && mail.status === 'error' && <ErrorMessage error={mail.error} onRetry={mail.retry} />}
            <InstancePanel
              circuits={deployed}
              mail={mailId && mail.status === 'success' ? mail.data : null}
              onPick={(picked) => setParams(picked ? { tab: 'instance', mail: picked.id } : { tab: 'instance' })}
            />
          </>
        )}
        {tab === 'migration' && <MigrationPanel circuits={deployed} />}
      </div>
    </section>
  );
}
