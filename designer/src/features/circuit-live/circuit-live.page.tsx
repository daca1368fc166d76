import { CIRCUIT_STATS_PERIODS, type CircuitDto, type CircuitStatsPeriod, type CircuitXmlDto } from '@diwan/contracts';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { BpmnViewer, type BpmnViewerState } from '../../shared/diagram/bpmn-viewer';
import { CircuitIdentity } from '../../shared/diagram/circuit-identity';
import { circuitXmlPath } from '../../shared/diagram/circuit-xml.api';
import { DiagramFailedAlert } from '../../shared/diagram/diagram-failed.alert';
import { directionOf } from '../../shared/i18n/language';
import { useLanguage } from '../../shared/i18n/use-language';
import { circuitRoute } from '../../shared/routes/circuit.routes';
import { useSearchUpdate } from '../../shared/routes/use-search-update';
import { BackLink } from '../../shared/ui/back-link';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import '../../shared/diagram/diagram-page.css';
import './circuit-live.css';
import { diagramElements, type DiagramElement } from './diagram-elements';
import { useFormatDuration } from '../../shared/i18n/format-duration';
import { HeatControls } from './heat.controls';
import { HEAT_METRICS, heatOf, type Heat, type HeatMetric } from './heat.scale';
import { LiveLegend } from './live.legend';
import { LiveSummary } from './live.summary';
import { StepTimeChart } from './step-time.chart';
import { useActivityOverlays, type OverlayTexts } from './use-activity-overlays';
import { useCircuitStats } from './use-circuit-stats';
import { useHeatColours } from './use-heat-colours';

/**
 * The live view and heatmap of a deployed circuit (admins, supervisors): its diagram coloured by
 * the passes through each step or by its average time (`?metric=count|duration`), over the
 * instances of a period (`?period=all|30d|7d`), with running instances and incidents as badges, a
 * legend with the real smallest and largest values, and a chart of time per step; kept up to date
 * by the circuit's Socket.io events and a slow poll.
 */
export function CircuitLivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const circuit = (useLocation().state as { circuit?: CircuitDto } | null)?.circuit;
  const xml = useApiQuery<CircuitXmlDto>(circuitXmlPath(id));
  const [search, updateSearch] = useSearchUpdate();
  const metric = oneOf(HEAT_METRICS, search.get('metric'), 'count');
  const period = oneOf(CIRCUIT_STATS_PERIODS, search.get('period'), 'all');
  const choose = (name: 'metric' | 'period', value: HeatMetric | CircuitStatsPeriod) =>
    updateSearch((next) => {
      next.set(name, value);
      return next;
    }, { replace: true, state: circuit ? { circuit } : null });
  const stats = useCircuitStats(id, period);
  const [viewer, setViewer] = useState<NavigatedViewer | null>(null);
  const [viewerState, setViewerState] = useState<BpmnViewerState>('importing');
  const [fitRequest, setFitRequest] = useState(0);
  const formatDuration = useFormatDuration();

  const elements = useMemo(() => (xml.status === 'success' ? diagramElements(xml.data.bpmn20Xml) : new Map<string, DiagramElement>()), [xml]);
  const key = id.split(':')[0] ?? id;
  const name = circuit?.name ?? elements.get(key)?.name ?? key;
  const language = useLanguage();
  const activities = stats.status === 'success' ? stats.data.activities : null;
  const heat = useMemo<Heat | null>(() => (activities ? heatOf(metric, activities, elements) : null), [activities, metric, elements]);
  const formatValue = useMemo(() => {
    const numbers = new Intl.NumberFormat(language, { numberingSystem: 'latn' });
    return (m: HeatMetric, value: number) => (m === 'count' ? numbers.format(value) : formatDuration(value));
  }, [language, formatDuration]);
  const texts = useMemo<OverlayTexts>(
    () => ({
      dir: directionOf(language),
      running: (count) => t('circuitLive.running', { count }),
      incidents: (count) => t('circuitLive.incidents', { count }),
      value: (h, value) => formatValue(h.metric, value),
      details: (f) =>
        [
          t('circuitLive.heat.passes', { value: formatValue('count', f.passes) }),
          t('circuitLive.heat.ended', { value: formatValue('count', f.finished), canceled: formatValue('count', f.canceled) }),
          f.averageMs === null ? t('circuitLive.heat.noAverage') : `${t('circuitLive.average')} ${formatDuration(f.averageMs)} ${t('circuitLive.sampled', { count: f.finishedSampled })}`,
        ].join(' · '),
    }),
    [t, formatDuration, formatValue, language],
  );
  useHeatColours(viewer, heat);
  useActivityOverlays(viewer, activities, heat, texts);

  return (
    <section className="page page--wide circuit-live" aria-labelledby="circuit-live-title" data-testid="circuit-live">
      <header className="page__header circuit-viewer__header">
        <div>
          <BackLink to="/circuits">{t('circuits.back')}</BackLink>
          <h1 id="circuit-live-title">{t('circuitLive.title', { name })}</h1>
          <CircuitIdentity id={id} />
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
      <HeatControls metric={metric} period={period} onMetric={(m) => choose('metric', m)} onPeriod={(p) => choose('period', p)} />
      {xml.status === 'loading' && <Loading>{t('circuits.viewer.loading')}</Loading>}
      {xml.status === 'error' && <ErrorMessage title={t('circuits.viewer.error')} error={xml.error} onRetry={xml.retry} />}
      {xml.status === 'success' && (
        <div className="circuit-live__body">
          <div className="circuit-viewer">
            {stats.status === 'success' && heat && <LiveLegend heat={heat} stats={stats.data} format={(value) => formatValue(metric, value)} />}
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

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}
