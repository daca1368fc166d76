import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { draftPath } from '../../shared/api/circuit-drafts.api';
import { useApiQuery } from '../../shared/api/use-api-query';
import { BackLink } from '../../shared/ui/back-link';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { diffMarkers } from './bpmn.diff';
import { ChangeList } from './change.list';
import { draftVersionPath, type CircuitDraftDto, type DraftVersionDto } from './circuit-diff.api';
import './circuit-diff.css';
import { DiffLegend } from './diff.legend';
import { DiffPane } from './diff.pane';
import { useBpmnDiff } from './use-bpmn-diff';
import { VersionPicker } from './version.picker';

/**
 * Compares two named versions of a circuit draft (`?a=1&b=2`, by default the last two): both
 * diagrams side by side, added, removed, changed and moved elements coloured, and the list.
 */
export function CircuitDiffPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const draft = useApiQuery<CircuitDraftDto>(draftPath(id));
  const versions = draft.status === 'success' ? draft.data.versions : [];
  const a = numberParam(search.get('a')) ?? versions.at(-2)?.number ?? versions.at(-1)?.number ?? null;
  const b = numberParam(search.get('b')) ?? versions.at(-1)?.number ?? null;
  const versionA = useApiQuery<DraftVersionDto>(a === null ? null : draftVersionPath(id, a));
  const versionB = useApiQuery<DraftVersionDto>(b === null ? null : draftVersionPath(id, b));
  const diff = useBpmnDiff(versionA.status === 'success' ? versionA.data.xml : null, versionB.status === 'success' ? versionB.data.xml : null);
  const markers = useMemo(() => (diff.status === 'done' ? diffMarkers(diff.changes) : undefined), [diff]);

  return (
    <section className="page page--wide circuit-diff" aria-labelledby="circuit-diff-title" data-testid="circuit-diff" data-state={diff.status}>
      <header className="page__header">
        <BackLink to="/circuits">{t('circuits.back')}</BackLink>
        <h1 id="circuit-diff-title">{t('circuitDiff.title', { name: draft.status === 'success' ? draft.data.name : '…' })}</h1>
        <p className="page__intro">{t('circuitDiff.intro')}</p>
      </header>
      {draft.status === 'loading' && <Loading>{t('circuitDiff.loading')}</Loading>}
      {draft.status === 'error' && <ErrorMessage error={draft.error} onRetry={draft.retry} />}
      {draft.status === 'success' && versions.length === 0 && <p className="empty">{t('circuitDiff.noVersions')}</p>}
      {draft.status === 'success' && versions.length > 0 && (
        <>
          <div className="circuit-diff__toolbar">
            <VersionPicker versions={versions} a={a} b={b} onChange={(nextA, nextB) => setSearch({ a: String(nextA), b: String(nextB) }, { replace: true })} />
            <DiffLegend />
          </div>
          <div className="circuit-diff__panes">
            <DiffPane side="a" version={versionA} markers={markers?.a} />
            <DiffPane side="b" version={versionB} markers={markers?.b} />
          </div>
          {diff.status === 'computing' && <Loading>{t('circuitDiff.computing')}</Loading>}
          {diff.status === 'failed' && <ErrorMessage title={t('circuitDiff.failed')} error={diff.error} />}
          {diff.status === 'done' && <ChangeList changes={diff.changes} />}
        </>
      )}
    </section>
  );
}

function numberParam(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
}
