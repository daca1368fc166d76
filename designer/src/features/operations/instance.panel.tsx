import type { CircuitDto, InstanceOperationsDto, MailDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useLanguageRefresh } from '../../shared/i18n/use-language-refresh';
import { mailRoute } from '../../shared/routes/mail.routes';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { useDefinitionVersions } from './circuit-version';
import { useFormatList } from './format-list';
import { InstanceActions } from './instance.actions';
import { MailFinder } from './mail-finder';
import { instancePath } from './operations.api';

interface InstancePanelProps {
  circuits: CircuitDto[];
  /** The mail opened from its page (`?mail=`), if any. */
  mail: MailDto | null;
  onPick: (mail: MailDto | null) => void;
}

/**
 * One mail's circuit instance: find the mail by its chrono number, see where its instance stands
 * (circuit name and version, current steps), then cancel it or move it to another step.
 */
export function InstancePanel({ circuits, mail, onPick }: InstancePanelProps) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const formatList = useFormatList();
  const id = mail?.processInstanceId ?? null;
  const query = useApiQuery<InstanceOperationsDto>(id ? instancePath(id) : null);
  useLanguageRefresh(query.refresh);
  const versions = useDefinitionVersions(query.status === 'success' ? [query.data.circuitKey] : []);
  const version = query.status === 'success' ? versions.get(query.data.processDefinitionId) : undefined;
  const circuitName = (key: string) => circuits.find((c) => c.key === key)?.name ?? t('operations.unnamedCircuit');

  return (
    <div data-testid="operations-instance">
      <MailFinder
        onPick={(picked) => {
          setDone(null);
          setCancelled(false);
          onPick(picked);
        }}
      />
      {done && (
        <p className="alert operations-summary" role="status" data-testid="instance-done">
          {done}
        </p>
      )}
      {mail && !mail.processInstanceId && <p className="empty">{t('operations.instance.notStarted', { chrono: mail.chronoNumber })}</p>}
      {mail && id && query.status === 'loading' && <Loading>{t('operations.instance.loading')}</Loading>}
      {mail && id && query.status === 'error' && !cancelled && <ErrorMessage title={t('operations.instance.loadFailed', { chrono: mail.chronoNumber })} error={query.error} onRetry={query.retry} />}
      {mail && id && query.status === 'success' && (
        <section className="panel operations-instance" aria-labelledby="operations-instance-title" data-testid="instance-card">
          <h3 id="operations-instance-title">
            <Link to={mailRoute(mail.id)}>
              <bdi>{mail.chronoNumber}</bdi>
            </Link>{' '}
            <span dir="auto">{mail.subject}</span>
          </h3>
          <dl className="operations-facts">
            <div>
              <dt>{t('operations.instance.circuit')}</dt>
              <dd dir="auto">
                {circuitName(query.data.circuitKey)}
                {version !== undefined && <> · {t('operations.version', { version })}</>}
              </dd>
            </div>
            <div>
              <dt>{t('operations.instance.activeSteps')}</dt>
              <dd data-testid="instance-active">
                {query.data.active.length === 0 ? t('operations.instance.nowhere') : formatList(query.data.active.map((s) => (s.stepName && s.stepName !== s.activityId ? s.stepName : t('operations.unnamedStep'))))}
              </dd>
            </div>
          </dl>
          {!cancelled && (
            <InstanceActions
              instance={query.data}
              chronoNumber={mail.chronoNumber ?? t('statuses.draft')}
              onDone={(what, stepName) => {
                setDone(what === 'cancelled' ? t('operations.instance.cancelled', { chrono: mail.chronoNumber }) : t('operations.instance.moved', { chrono: mail.chronoNumber, step: stepName }));
                if (what === 'cancelled') setCancelled(true);
                else query.refresh();
              }}
            />
          )}
        </section>
      )}
    </div>
  );
}
