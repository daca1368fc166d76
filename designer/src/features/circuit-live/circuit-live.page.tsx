import type { CircuitDto, CircuitXmlDto } from '@diwan/contracts';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { BpmnViewer, type BpmnViewerState } from '../../shared/diagram/bpmn-viewer';
import { circuitXmlPath } from '../../shared/diagram/circuit-xml.api';
import { DiagramFailedAlert } from '../../shared/diagram/diagram-failed.alert';
import { directionOf } from '../../shared/i18n/language';
import { useLanguage } from '../../shared/i18n/use-language';
import { circuitRoute } from '../../shared/routes/circuit.routes';
import { BackLink } from '../../shared/ui/back-link';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import '../../shared/diagram/diagram-page.css';
import './circuit-live.css';
import { diagramElements, type DiagramElement } from './diagram-elements';
import { useFormatDuration } from './duration.format';
import { LiveLegend } from './live.legend';
import { LiveSummary } from './live.summary';
import { StepTimeChart } from './step-time.chart';
import { useActivityOverlays, type OverlayTexts } from './use-activity-overlays';
import { useCircuitStats } from './use-circuit-stats';

/**
 * The live view of a deployed circuit (admins, supervisors): its diagram with running instances,
 * incidents and average time on each step, a chart of time per step, kept up to date by the
 * circuit's Socket.io events and a slow poll.
 */
export function CircuitLivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const circuit = (useLocation().state as { circuit?: CircuitDto } | null)?.circuit;
  const xml = useApiQuery<CircuitXmlDto>(circuitXmlPath(id));
  const stats = useCircuitStats(id);
  const [viewer, setViewer] = useState<NavigatedViewer | null>(null);
  const [viewerState, setViewerState] = useState<BpmnViewerState>('importing');
  const [fitRequest, setFitRequest] = useState(0);
  const formatDuration = useFormatDuration();

  const elements = useMemo(() => (xml.status === 'success' ? diagramElements(xml.data.bpmn20Xml) : new Map<string, DiagramElement>()), [xml]);
  const key = id.split(':')[0] ?? id;
  const name = circuit?.name ?? elements.get(key)?.name ?? key;
  const language = useLanguage();
  const activities = stats.status === 'success' ? stats.data.activities : null;
  const texts = useMemo<OverlayTexts>(
    () => ({
      dir: directionOf(language),
      running: (count) => t('circuitLive.running', { count }),
      incidents: (count) => t('circuitLive.incidents', { count }),
      average: (ms, sampled) => ({ text: formatDuration(ms), title: `${t('circuitLive.average')} ${formatDuration(ms)} · ${t('circuitLive.sampled', { count: sampled })}` }),
    }),
    [t, formatDuration, language],
  );
  useActivityOverlays(viewer, activities, texts);

  return (
    <section className="page page--wide circuit-live" aria-labelledby="circuit-live-title" data-testid="circuit-live">
      <header className="page__header circuit-viewer__header">
        <div>
          <BackLink to="/circuits">{t('circuits.back')}</BackLink>
          <h1 id="circuit-live-title">{t('circuitLive.title', { name })}</h1>
          <p className="page__intro" dir="ltr">
            <code>{id}</code>
          </p>
        </div>
        <div className="circuit-live__actions">
          <Link to={circuitRoute(id)} state={circuit ? { circuit } : null} className="button button--secondary">
            {t('circuitLive.diagramOnly')}
          </Link>
          {viewerState === 'ready' && (
            <button type="button" className="button button--secondary" onClick={() => setFitRequest((n) => n + 1)}>
              {t('circuits.viewer.fit')}
            </button>
          )}
        </div>
      </header>
      {stats.status === 'error' && <ErrorMessage title={t('circuitLive.statsError')} error={stats.error} onRetry={stats.retry} />}
      {stats.status === 'success' && <LiveSummary stats={stats.data} />}
      {xml.status === 'loading' && <Loading>{t('circuits.viewer.loading')}</Loading>}
      {xml.status === 'error' && <ErrorMessage title={t('circuits.viewer.error')} error={xml.error} onRetry={xml.retry} />}
      {xml.status === 'success' && (
        <div className="circuit-live__body">
          <div className="circuit-viewer">
            <LiveLegend />
            {viewerState === 'failed' && <DiagramFailedAlert />}
            <BpmnViewer
              xml={xml.data.bpmn20Xml}
              label={t('circuits.viewer.label', { name })}
              fitRequest={fitRequest}
              onStateChange={setViewerState}
              onReady={setViewer}
            />
          </div>
          {activities && <StepTimeChart activities={activities} elements={elements} />}
        </div>
      )}
    </section>
  );
}
