import type { BulkResultDto, CircuitDto, MigrationPreviewDto } from '@diwan/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useLanguageRefresh } from '../../shared/i18n/use-language-refresh';
import { useFormatNumber } from '../../shared/i18n/format-number';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { MigrationPreview, groupMessages } from './migration.preview';
import { circuitVersionsPath, migrateInstances, previewMigration, type CircuitVersionDto } from './operations.api';
import { useOperationError } from './operation-error';
import { ReasonDialog } from './reason.dialog';

type Step = { kind: 'idle' } | { kind: 'previewing' } | { kind: 'preview'; preview: MigrationPreviewDto } | { kind: 'failed'; message: string };

/**
 * Migration of running instances to another version of their circuit: pick the circuit, the
 * source and target versions, read the preview (what maps where, what can't move, the runtime's
 * objections), then confirm with a reason and read the outcome.
 */
export function MigrationPanel({ circuits }: { circuits: CircuitDto[] }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const operationError = useOperationError();
  const [key, setKey] = useState('');
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<BulkResultDto | null>(null);
  const versions = useApiQuery<CircuitVersionDto[]>(key ? circuitVersionsPath(key) : null);
  useLanguageRefresh(() => {
    versions.refresh();
    if (step.kind === 'preview') void preview();
  });
  const list = key && versions.status === 'success' ? versions.data : [];

  // A new circuit: the newest version is the usual target, the oldest one still running the usual source.
  const defaultsFor = useRef('');
  useEffect(() => {
    if (!list.length || defaultsFor.current === key) return;
    defaultsFor.current = key;
    setTarget(list[0]!.id);
    setSource([...list].reverse().find((v) => v.instances > 0 && v.id !== list[0]!.id)?.id ?? '');
  }, [list, key]);

  const label = (v: CircuitVersionDto) => t('operations.migration.versionOption', { version: v.version, count: v.instances, n: formatNumber(v.instances) });
  const reset = () => {
    setStep({ kind: 'idle' });
    setResult(null);
  };

  async function preview() {
    setResult(null);
    setStep({ kind: 'previewing' });
    try {
      setStep({ kind: 'preview', preview: await previewMigration(source, target) });
    } catch (error) {
      setStep({ kind: 'failed', message: operationError(error) });
    }
  }

  async function migrate(reason: string): Promise<string | null> {
    try {
      setResult(await migrateInstances(source, target, reason));
      setStep({ kind: 'idle' });
      versions.refresh();
      return null;
    } catch (error) {
      return operationError(error);
    }
  }

  const failures = result ? groupMessages(result.failed.map((f) => ({ messages: [f.message] }))) : [];
  const movable = step.kind === 'preview' ? step.preview.mapped.reduce((sum, row) => sum + row.instances, 0) : 0;
  return (
    <div data-testid="operations-migration">
      <div className="toolbar">
        <label className="field">
          <span className="field__label">{t('operations.migration.circuit')}</span>
          <select className="field__input" value={key} data-testid="migration-circuit" onChange={(event) => { defaultsFor.current = ''; setSource(''); setTarget(''); setKey(event.target.value); reset(); }}>
            <option value="">{t('operations.migration.pickCircuit')}</option>
            {circuits.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name ?? t('operations.unnamedCircuit')}
              </option>
            ))}
          </select>
        </label>
        {list.length > 0 && (
          <>
            <label className="field">
              <span className="field__label">{t('operations.migration.source')}</span>
              <select className="field__input" value={source} data-testid="migration-source" onChange={(event) => { setSource(event.target.value); reset(); }}>
                <option value="">{t('operations.migration.pickVersion')}</option>
                {list.map((v) => (
                  <option key={v.id} value={v.id}>
                    {label(v)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('operations.migration.target')}</span>
              <select className="field__input" value={target} data-testid="migration-target" onChange={(event) => { setTarget(event.target.value); reset(); }}>
                {list.map((v) => (
                  <option key={v.id} value={v.id}>
                    {label(v)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--secondary" data-testid="migration-preview-button" disabled={!source || !target || source === target || step.kind === 'previewing'} onClick={() => void preview()}>
              {t('operations.migration.preview')}
            </button>
          </>
        )}
      </div>
      {key && versions.status === 'loading' && <Loading>{t('operations.migration.loadingVersions')}</Loading>}
      {key && versions.status === 'error' && <ErrorMessage error={versions.error} onRetry={versions.retry} />}
      {list.length === 1 && <p className="empty">{t('operations.migration.oneVersion')}</p>}
      {source && source === target && <p className="field__error">{t('operations.migration.sameVersion')}</p>}
      {step.kind === 'previewing' && <Loading>{t('operations.migration.previewing')}</Loading>}
      {step.kind === 'failed' && (
        <p className="alert alert--error" role="alert" data-testid="migration-error">
          {step.message}
        </p>
      )}
      {step.kind === 'preview' && (
        <>
          <MigrationPreview preview={step.preview} />
          <div className="toolbar operations-bulk">
            <button type="button" className="button button--primary" data-testid="migration-migrate" disabled={movable === 0} onClick={() => setConfirming(true)}>
              {t('operations.migration.migrate', { count: movable, n: formatNumber(movable) })}
            </button>
          </div>
        </>
      )}
      {result && (
        <section className="panel operations-results" role="status" data-testid="migration-result">
          <h3>{t('operations.migration.resultDone', { count: result.done.length, n: formatNumber(result.done.length) })}</h3>
          {failures.length > 0 && (
            <>
              <p>{t('operations.migration.resultFailed', { count: result.failed.length, n: formatNumber(result.failed.length) })}</p>
              <ul>
                {failures.map(({ message, count }) => (
                  <li key={message}>
                    <span dir="auto">{message}</span> <span className="muted">({t('operations.migration.instances', { count, n: formatNumber(count) })})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {confirming && step.kind === 'preview' && (
        <ReasonDialog
          title={t('operations.migration.confirmTitle')}
          confirmLabel={t('operations.migration.confirm')}
          onConfirm={migrate}
          onClose={() => setConfirming(false)}
          testId="migration-dialog"
        >
          <p>
            {t('operations.migration.confirmText', {
              count: movable,
              n: formatNumber(movable),
              source: t('operations.version', { version: step.preview.source.version }),
              target: t('operations.version', { version: step.preview.target.version }),
            })}
          </p>
          {step.preview.unmapped.length > 0 && <p className="field__error">{t('operations.migration.confirmUnmapped')}</p>}
        </ReasonDialog>
      )}
    </div>
  );
}
