import { useTranslation } from 'react-i18next';
import type { QueryControls, QueryState } from '../../shared/api/use-api-query';
import { BpmnViewer } from '../../shared/diagram/bpmn-viewer';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import type { DraftVersionDto } from './circuit-diff.api';

interface DiffPaneProps {
  side: 'a' | 'b';
  version: QueryState<DraftVersionDto> & QueryControls;
  markers: Record<string, string[]> | undefined;
}

/** One side of the comparison: the version's title and its diagram with the diff markers. */
export function DiffPane({ side, version, markers }: DiffPaneProps) {
  const { t } = useTranslation();
  return (
    <section className="diff-pane" aria-labelledby={`diff-pane-${side}`}>
      <h2 id={`diff-pane-${side}`} className="diff-pane__title">
        {t(side === 'a' ? 'circuitDiff.from' : 'circuitDiff.to')}
        {version.status === 'success' && (
          <>
            {' '}
            <span className="badge badge--neutral">{t('circuitDiff.version', { number: version.data.number })}</span> <bdi>{version.data.label}</bdi>
          </>
        )}
      </h2>
      {version.status === 'loading' && <Loading>{t('circuits.viewer.loading')}</Loading>}
      {version.status === 'error' && <ErrorMessage error={version.error} onRetry={version.retry} />}
      {version.status === 'success' && (
        <BpmnViewer
          xml={version.data.xml}
          label={t('circuitDiff.diagramLabel', { number: version.data.number })}
          markers={markers}
          testId={`diff-canvas-${side}`}
        />
      )}
    </section>
  );
}
