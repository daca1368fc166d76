import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api.error';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { DeployLinks } from './deploy.links';
import { deployDraft, validateDraft, type DeployResult, type PolicyViolation } from './modeler.api';

const STEPS = ['save', 'validate', 'deploy', 'done'] as const;
type Step = (typeof STEPS)[number];
type Run = { step: Step; state: 'running' | 'failed' | 'done'; violations: PolicyViolation[]; error: unknown; result: DeployResult | null };

interface DeployProgressProps {
  draftId: string;
  /** Why deploying is not possible now (lint errors, unsaved conflict), or null. */
  blockedReason: string | null;
  /** Saves the working copy; false when it could not be saved. */
  flush: () => Promise<boolean>;
  onDeployed: (result: DeployResult) => void;
  /** How people know an element: its name in the diagram (the server only knows its id). */
  nameOf?: (elementId: string) => string;
}

/**
 * Deploys the working copy in steps: save → validate (the server's policy, the authority) →
 * deploy → done, with a determinate bar and the server's refusals listed, naming each element.
 */
export function DeployProgress({ draftId, blockedReason, flush, onDeployed, nameOf = (id) => id }: DeployProgressProps) {
  const { t } = useTranslation();
  const reason = useErrorMessage();
  const [run, setRun] = useState<Run | null>(null);
  const running = run?.state === 'running';

  async function deploy(validateOnly = false) {
    const fail = (step: Step, error: unknown, violations: PolicyViolation[] = []) =>
      setRun({ step, state: 'failed', violations, error, result: null });
    setRun({ step: 'save', state: 'running', violations: [], error: null, result: null });
    if (!(await flush())) return fail('save', null);
    setRun((r) => r && { ...r, step: 'validate' });
    try {
      const { violations } = await validateDraft(draftId);
      if (violations.length > 0) return fail('validate', null, violations);
    } catch (err) {
      return fail('validate', err);
    }
    if (validateOnly) return setRun({ step: 'validate', state: 'done', violations: [], error: null, result: null });
    setRun((r) => r && { ...r, step: 'deploy' });
    try {
      const result = await deployDraft(draftId, null);
      setRun({ step: 'done', state: 'done', violations: [], error: null, result });
      onDeployed(result);
    } catch (err) {
      fail('deploy', err, violationsOf(err));
    }
  }

  const reached = run ? STEPS.indexOf(run.step) + (run.state === 'done' ? 1 : 0) : 0;
  return (
    <section className="modeler-card" aria-labelledby="deploy-title">
      <h2 id="deploy-title" className="modeler-card__title">
        {t('modeler.deploy.title')}
      </h2>
      <div className="modeler-actions">
        <button type="button" className="button button--secondary" data-testid="validate-button" disabled={running} onClick={() => void deploy(true)}>
          {t('modeler.deploy.validate')}
        </button>
        <button type="button" className="button button--primary" data-testid="deploy-button" disabled={blockedReason !== null || running} onClick={() => void deploy()}>
          {running ? t('modeler.deploy.running') : t('modeler.deploy.button')}
        </button>
      </div>
      {blockedReason && (
        <p className="modeler-hint" data-testid="deploy-blocked-reason">
          {blockedReason}
        </p>
      )}
      {run && (
        <div className="deploy-progress" data-testid="deploy-progress" data-step={run.step} data-state={run.state}>
          <progress max={STEPS.length} value={reached} aria-label={t('modeler.deploy.title')} />
          <ol className="deploy-steps">
            {STEPS.map((step, index) => (
              <li key={step} className={`deploy-step deploy-step--${index < reached ? 'done' : step === run.step ? run.state : 'todo'}`}>
                {t(`modeler.deploy.steps.${step}`)}
              </li>
            ))}
          </ol>
          {run.state === 'failed' && (
            <div className="alert alert--error" role="alert" data-testid="deploy-errors">
              <p className="alert__title">{t(`modeler.deploy.failed.${run.step}`)}</p>
              {/* the refusals come in the page's language (Accept-Language); other errors by their code */}
              {run.error !== null && run.violations.length === 0 && <p data-testid="deploy-error-message">{reason(run.error)}</p>}
              <ul>
                {run.violations.map((v, i) => (
                  <li key={i} data-testid="deploy-violation" data-element-id={v.elementId ?? ''} data-rule={v.rule} title={v.rule}>
                    {v.elementId && <strong>{nameOf(v.elementId)}</strong>}
                    {v.elementId && ' — '}
                    {v.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {run.state === 'done' && !run.result && (
            <p className="alert alert--success" role="status" data-testid="validate-result">
              {t('modeler.deploy.valid')}
            </p>
          )}
          {run.result && (
            <p className="alert alert--success" role="status" data-testid="deploy-result" data-process-definition-id={run.result.processDefinitionId}>
              {t('modelerUx.deployed.done', { version: run.result.version })}
            </p>
          )}
        </div>
      )}
      {run?.result && <DeployLinks result={run.result} />}
    </section>
  );
}

function violationsOf(err: unknown): PolicyViolation[] {
  if (!isApiError(err)) return [];
  const details = err.details as { violations?: PolicyViolation[] } | undefined;
  return Array.isArray(details?.violations) ? details.violations : [];
}
