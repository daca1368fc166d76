import { SOCKET_EVENTS, type CircuitDto, type IncidentDto } from '@diwan/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useLanguageRefresh } from '../../shared/i18n/use-language-refresh';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { outcomesOf, type Outcomes } from './bulk-result';
import { useDefinitionVersions } from './circuit-version';
import { IncidentRow } from './incident.row';
import { incidentsPath, retryIncidents } from './operations.api';
import { useOperationError } from './operation-error';
import { ReasonDialog } from './reason.dialog';
import { ResultsList, type ActedItem } from './results.list';
import { useSelection } from './use-selection';

/** The last retry: what was retried (as it was listed then) and how each one went. */
interface LastRetry {
  items: ActedItem[];
  outcomes: Outcomes;
}

/**
 * Incidents of failing workers, live: the list follows `incident.created` / `incident.resolved`.
 * Tick one or many, retry them with a reason; each one's outcome stays on screen afterwards, even
 * once its incident is resolved and leaves the list.
 */
export function IncidentsPanel({ circuits }: { circuits: CircuitDto[] }) {
  const { t } = useTranslation();
  const operationError = useOperationError();
  const [circuit, setCircuit] = useState('');
  const query = useApiQuery<IncidentDto[]>(incidentsPath(circuit));
  useSocketEvent(SOCKET_EVENTS.incidentCreated, query.refresh);
  useSocketEvent(SOCKET_EVENTS.incidentResolved, query.refresh);
  // step and circuit names come in the page's language
  useLanguageRefresh(query.refresh);
  const data = query.status === 'success' ? query.data : null;
  const incidents = useMemo(() => data ?? [], [data]);
  const ids = useMemo(() => incidents.map((i) => i.id), [incidents]);
  const versions = useDefinitionVersions(incidents.flatMap((i) => (i.circuitKey ? [i.circuitKey] : [])));
  const selection = useSelection(ids);
  const [confirming, setConfirming] = useState(false);
  const [last, setLast] = useState<LastRetry | null>(null);

  async function retry(reason: string): Promise<string | null> {
    const chosen = incidents.filter((i) => selection.selected.includes(i.id));
    try {
      const result = await retryIncidents(chosen.map((i) => i.id), reason);
      setLast({ items: chosen.map((i) => ({ id: i.id, step: i.stepName, chronoNumber: i.mail?.chronoNumber ?? null })), outcomes: outcomesOf(result) });
      selection.clear();
      query.refresh();
      return null;
    } catch (error) {
      return operationError(error);
    }
  }

  const failed = last ? [...last.outcomes.values()].filter((o) => o.state === 'failed').length : 0;
  return (
    <div data-testid="operations-incidents">
      <div className="toolbar">
        <label className="field">
          <span className="field__label">{t('operations.incidents.circuit')}</span>
          <select className="field__input" value={circuit} data-testid="incidents-circuit" onChange={(event) => setCircuit(event.target.value)}>
            <option value="">{t('operations.incidents.allCircuits')}</option>
            {circuits.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name ?? t('operations.unnamedCircuit')}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--primary"
          data-testid="incidents-retry"
          disabled={selection.selected.length === 0}
          onClick={() => setConfirming(true)}
        >
          {t('operations.incidents.retrySelected', { count: selection.selected.length })}
        </button>
      </div>
      {last && (
        <ResultsList
          title={failed === 0 ? t('operations.incidents.resultDone', { count: last.outcomes.size }) : t('operations.incidents.resultPartial', { count: failed, total: last.outcomes.size })}
          items={last.items}
          outcomes={last.outcomes}
          onDismiss={() => setLast(null)}
          testId="incidents-results"
        />
      )}
      {query.status === 'loading' && <Loading>{t('operations.incidents.loading')}</Loading>}
      {query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {query.status === 'success' && incidents.length === 0 && (
        <p className="empty" data-testid="incidents-empty">
          {t('operations.incidents.empty')}
        </p>
      )}
      {incidents.length > 0 && (
        <div className="table-scroll">
          <table className="operations-table" data-testid="incidents-table">
            <caption className="visually-hidden">{t('operations.incidents.caption', { count: incidents.length })}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" checked={selection.all} onChange={selection.toggleAll} aria-label={t('operations.selectAll')} data-testid="incidents-select-all" />
                </th>
                <th scope="col">{t('operations.incidents.columns.step')}</th>
                <th scope="col">{t('operations.incidents.columns.circuit')}</th>
                <th scope="col">{t('operations.incidents.columns.mail')}</th>
                <th scope="col">{t('operations.incidents.columns.cause')}</th>
                <th scope="col">{t('operations.incidents.columns.age')}</th>
                <th scope="col">{t('operations.incidents.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <IncidentRow
                  key={incident.id}
                  incident={incident}
                  selected={selection.isSelected(incident.id)}
                  onToggle={() => selection.toggle(incident.id)}
                  outcome={last?.outcomes.get(incident.id)}
                  version={versions.get(incident.processDefinitionId)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <ReasonDialog
          title={t('operations.incidents.confirmTitle', { count: selection.selected.length })}
          confirmLabel={t('operations.incidents.retry')}
          onConfirm={retry}
          onClose={() => setConfirming(false)}
          testId="incidents-retry-dialog"
        >
          <p>{t('operations.incidents.confirmText', { count: selection.selected.length })}</p>
        </ReasonDialog>
      )}
    </div>
  );
}
