import type { CircuitDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { BpmnViewer, type BpmnViewerState } from '../../shared/diagram/bpmn-viewer';
import { CircuitIdentity } from '../../shared/diagram/circuit-identity';
import { DiagramFailedAlert } from '../../shared/diagram/diagram-failed.alert';
import { processNameOf } from '../../shared/diagram/navigated-viewer';
import { canSeeLiveView, circuitLiveRoute } from '../../shared/routes/circuit.routes';
import { useSession } from '../../shared/session/use-session';
import { BackLink } from '../../shared/ui/back-link';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import '../../shared/diagram/diagram-page.css';
import { OpenInModelerButton } from './open-in-modeler.button';
import { useCircuitXml } from './use-circuit-xml';

export function CircuitViewerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const circuit = (useLocation().state as { circuit?: CircuitDto } | null)?.circuit;
  const query = useCircuitXml(id);
  const [viewerState, setViewerState] = useState<BpmnViewerState>('importing');
  const [fitRequest, setFitRequest] = useState(0);
  // opened from a link: the process's own name in the diagram, once drawn
  const [drawnName, setDrawnName] = useState<string | null>(null);
  const name = circuit?.name ?? drawnName ?? id.split(':')[0] ?? id;
  const roles = useSession()?.user.roles ?? [];

  return (
    <section className="page page--wide page--diagram" aria-labelledby="circuit-title">
      <header className="page__header circuit-viewer__header">
        <div>
          <BackLink to="/circuits">{t('circuits.back')}</BackLink>
          <h1 id="circuit-title">{name}</h1>
          <CircuitIdentity id={id} />
        </div>
        <div className="circuit-live__actions">
          {canSeeLiveView(roles) && (
            <Link to={circuitLiveRoute(id)} state={circuit ? { circuit } : null} className="button button--secondary" data-testid="circuit-live-link">
              {t('circuitLive.open')}
            </Link>
          )}
          {roles.includes('admin') && <OpenInModelerButton processDefinitionId={id} />}
          {query.status === 'success' && viewerState === 'ready' && (
            <button type="button" className="button button--secondary" onClick={() => setFitRequest((n) => n + 1)}>
              {t('circuits.viewer.fit')}
            </button>
          )}
        </div>
      </header>
      {query.status === 'error' ? (
        <ErrorMessage title={t('circuits.viewer.error')} error={query.error} onRetry={query.retry} />
      ) : (
        // The viewer is set up while the diagram is still on its way, and imports it on arrival.
        <div className="circuit-viewer">
          {viewerState === 'importing' && <Loading>{t('circuits.viewer.loading')}</Loading>}
          {viewerState === 'failed' && <DiagramFailedAlert />}
          <BpmnViewer
            xml={query.status === 'success' ? query.data.bpmn20Xml : null}
            label={t('circuits.viewer.label', { name })}
            fitRequest={fitRequest}
            onStateChange={setViewerState}
            onReady={(viewer) => viewer && setDrawnName(processNameOf(viewer))}
            aheadKey={id}
          />
        </div>
      )}
    </section>
  );
}
