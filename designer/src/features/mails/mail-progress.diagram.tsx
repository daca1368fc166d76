import { SOCKET_EVENTS, type CircuitXmlDto, type MailDto, type UserTaskDto } from '@diwan/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { BpmnViewer } from '../../shared/diagram/bpmn-viewer';
import { circuitXmlPath } from '../../shared/diagram/circuit-xml.api';
import { useLanguageRefresh } from '../../shared/i18n/use-language-refresh';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { mailProgressPath, type MailProgressDto } from './mails.api';
import './mail-progress.css';

/**
 * Where the mail stands in its circuit: the BPMN diagram with done steps, current steps and
 * incidents marked, plus the same in words. Lazy-loaded, since it pulls in bpmn-js.
 */
export default function MailProgressDiagram({ mailId, processInstanceId }: { mailId: string; processInstanceId: string | null }) {
  const { t } = useTranslation();
  const progress = useApiQuery<MailProgressDto>(mailProgressPath(mailId));
  const refresh = progress.refresh;
  const onTask = (userTask: UserTaskDto) => {
    if (userTask.businessKey === mailId || userTask.processInstanceId === processInstanceId) refresh();
  };
  useSocketEvent<MailDto>(SOCKET_EVENTS.mailUpdated, (mail) => {
    if (mail.id === mailId) refresh();
  });
  useSocketEvent(SOCKET_EVENTS.userTaskCreated, onTask);
  useSocketEvent(SOCKET_EVENTS.userTaskCompleted, onTask);
  useLanguageRefresh(refresh);
  useSocketEvent<{ processInstanceId?: string }>(SOCKET_EVENTS.incidentCreated, (event) => {
    if (event.processInstanceId === processInstanceId) refresh();
  });

  const definitionId = progress.status === 'success' ? progress.data.processDefinitionId : null;
  const xml = useApiQuery<CircuitXmlDto>(definitionId ? circuitXmlPath(definitionId) : null);
  const markers = useMemo(() => {
    if (progress.status !== 'success') return undefined;
    const { completedActivityIds, activeActivityIds, incidents } = progress.data;
    return {
      'diwan-completed': completedActivityIds,
      'diwan-active': activeActivityIds,
      'diwan-incident': incidents.flatMap((incident) => (incident.activityId ? [incident.activityId] : [])),
    };
  }, [progress]);

  if (progress.status === 'loading') return <Loading>{t('mail.progress.loading')}</Loading>;
  if (progress.status === 'error') return <ErrorMessage error={progress.error} onRetry={progress.retry} />;
  const { activeActivityIds, activeSteps = [], incidents } = progress.data;
  // The engine names the steps in the reader's language; a step without a name is not shown by its id.
  const stepNames = [...new Set(activeSteps.map((step) => step.name ?? t('mail.progress.unnamedStep')))];
  return (
    <div className="mail-diagram" data-testid="mail-diagram" data-active={activeActivityIds.join(' ')}>
      <p data-testid="mail-current-step">
        <strong>{t('mail.progress.current')}</strong>{' '}
        {stepNames.length === 0 ? t('mail.progress.none') : <span dir="auto">{stepNames.join(' · ')}</span>}
      </p>
      {incidents.map((incident, index) => (
        <p key={`${incident.activityId}-${index}`} className="alert alert--error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('mail.progress.incident', { step: incident.stepName ?? t('mail.progress.unnamedStep') })} <bdi>{incident.message}</bdi>
        </p>
      ))}
      <ul className="diagram-legend">
        <li className="diagram-legend__item diagram-legend__item--completed">{t('mail.progress.legend.completed')}</li>
        <li className="diagram-legend__item diagram-legend__item--active">{t('mail.progress.legend.active')}</li>
        <li className="diagram-legend__item diagram-legend__item--incident">{t('mail.progress.legend.incident')}</li>
      </ul>
      {xml.status === 'loading' && definitionId && <Loading>{t('circuits.viewer.loading')}</Loading>}
      {xml.status === 'error' && <ErrorMessage error={xml.error} onRetry={xml.retry} />}
      {xml.status === 'success' && (
        <BpmnViewer xml={xml.data.bpmn20Xml} label={t('mail.progress.label')} markers={markers} />
      )}
    </div>
  );
}
