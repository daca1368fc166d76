import type { CircuitDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { canSeeLiveView, circuitLiveRoute, circuitRoute } from '../../shared/routes/circuit.routes';
import { useSession } from '../../shared/session/use-session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import '../../shared/ui/circuit-card.css';
import { circuitsPath } from './circuits.api';
import './circuits.css';

export function CircuitListPage() {
  const { t } = useTranslation();
  const query = useApiQuery<CircuitDto[]>(circuitsPath);
  const roles = useSession()?.user.roles ?? [];

  return (
    <section className="page page--wide" aria-labelledby="circuits-title">
      <header className="page__header">
        <h1 id="circuits-title">{t('circuits.title')}</h1>
        <p className="page__intro">{t('circuits.intro')}</p>
      </header>
      {query.status === 'loading' && <Loading>{t('circuits.loading')}</Loading>}
      {query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {query.status === 'success' && query.data.length === 0 && <p className="empty">{t('circuits.empty')}</p>}
      {query.status === 'success' && query.data.length > 0 && (
        <ul className="circuit-list">
          {query.data.map((circuit) => (
            <li key={circuit.id} className="circuit-card">
              <Link
                to={circuitRoute(circuit.id)}
                state={{ circuit }}
                className="circuit-card__link"
                data-testid="circuit-link"
                data-circuit-id={circuit.id}
              >
                <span className="circuit-card__name">{circuit.name ?? t('circuits.untitled')}</span>
                <span className="badge badge--neutral">{t('circuits.version', { version: circuit.version })}</span>
              </Link>
              {canSeeLiveView(roles) && (
                <Link to={circuitLiveRoute(circuit.id)} state={{ circuit }} className="button button--small button--secondary circuit-card__live" data-testid="circuit-live-link" data-circuit-id={circuit.id}>
                  {t('circuitLive.open')}
                </Link>
              )}
              <dl className="circuit-card__meta">
                <div>
                  <dt>{t('circuits.key')}</dt>
                  <dd dir="ltr">
                    <code>{circuit.key}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('circuits.resource')}</dt>
                  <dd dir="ltr">
                    <code>{circuit.resource}</code>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
