import type { CircuitDto, DashboardDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useLanguage } from '../../shared/i18n/use-language';
import { useSearchUpdate } from '../../shared/routes/use-search-update';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { ActivityFeed } from './activity.feed';
import { ComplianceSection } from './compliance.section';
import { DashboardFiltersForm } from './dashboard.filters';
import { filtersOf, paramsOf } from './dashboard.query';
import { DurationsSection } from './durations.section';
import { OpenWorkSection } from './open-work.section';
import { ReceivedSection } from './received.section';
import { useDashboard } from './use-dashboard';
import './dashboard.css';

/**
 * The supervision dashboard (admins, supervisors, heads): the whole administration's mail at a
 * glance, filtered through the URL, and moving as the engine pushes `dashboard.updated`.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, updateParams] = useSearchUpdate();
  const filters = filtersOf(params);
  const dashboard = useDashboard(filters);
  const circuitsQuery = useApiQuery<CircuitDto[]>('/api/circuits');
  const circuits = circuitsQuery.status === 'success' ? circuitsQuery.data : [];

  return (
    <section className="page page--wide dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <header className="page__header dashboard__header">
        <div>
          <h1 id="dashboard-title">{t('dashboard.title')}</h1>
          <p className="page__intro">{t('dashboard.intro')}</p>
        </div>
        {dashboard.status === 'success' && <Freshness data={dashboard.data} />}
      </header>
      <DashboardFiltersForm filters={filters} circuits={circuits} onChange={(change) => updateParams((current) => paramsOf({ ...filtersOf(current), ...change }), { replace: true })} />
      {dashboard.status === 'loading' && <Loading>{t('dashboard.loading')}</Loading>}
      {dashboard.status === 'error' && <ErrorMessage title={t('dashboard.error')} error={dashboard.error} onRetry={dashboard.retry} />}
      {dashboard.status === 'success' && (
        <div className="dashboard__body">
          <div className="dashboard__main">
            <ReceivedSection received={dashboard.data.received} />
            <OpenWorkSection open={dashboard.data.open} filters={filters} />
            <DurationsSection durations={dashboard.data.durations} circuits={circuits} />
            <ComplianceSection compliance={dashboard.data.compliance} />
          </div>
          <aside className="dashboard__aside">
            <ActivityFeed feed={dashboard.data.feed} />
          </aside>
        </div>
      )}
    </section>
  );
}

const HALF_DAY_MS = 12 * 3_600_000;

/** The period the figures cover, and when they were computed (changes with every live update). */
function Freshness({ data }: { data: DashboardDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The range's ends are the administration's midnights. Twelve hours inside them, the UTC calendar
  // day is the administration's day whatever its time zone (offsets stay under 12 h), so the page
  // names the same days as the engine even when the browser sits in another zone.
  const days = new Intl.DateTimeFormat(language, { dateStyle: 'medium', numberingSystem: 'latn', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium', numberingSystem: 'latn' });
  const from = new Date(Date.parse(data.range.from) + HALF_DAY_MS);
  const to = new Date(Math.max(Date.parse(data.range.to) - HALF_DAY_MS, from.getTime()));
  return (
    <div className="dashboard__freshness">
      <p className="muted" data-testid="dashboard-range">
        {t(`dashboard.periods.${data.query.period}`)} · {days.formatRange(from, to)}
      </p>
      <p className="dashboard__updated" role="status" data-testid="dashboard-updated-at" data-computed-at={data.computedAt}>
        <span className="dashboard__pulse" aria-hidden="true" />
        {t('dashboard.updatedAt', { time: time.format(new Date(data.computedAt)) })}
      </p>
    </div>
  );
}
