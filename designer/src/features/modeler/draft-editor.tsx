import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { Loading } from '../../shared/ui/loading';
import { DeployProgress } from './deploy.progress';
import { ImportWarnings } from './import.warnings';
import { flattenIssues, isBlocking, type LintIssue } from './lint.issues';
import { LintPanel } from './lint.panel';
import { DecisionsPanel } from './decisions.panel';
import type { CircuitDecision, CircuitDraft, CircuitForm } from './modeler.api';
import { useAutosave } from './modeler.autosave';
import { nameIn } from './modeler.names';
import { ModelerToolbar } from './modeler.toolbar';
import { useBpmnModeler, useModelerEvent } from './use-bpmn-modeler';
import { VersionsPanel } from './versions.panel';

const FormDesigner = lazy(() => import('./form-designer'));

interface DiagramElement {
  id: string;
  type: string;
  businessObject: { get(name: string): unknown };
}

/** The working copy of one draft: canvas, properties panel, problems, versions, deployment. */
export function DraftEditor({ draft }: { draft: CircuitDraft }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { canvasRef, panelRef, modeler, state, warnings } = useBpmnModeler(draft.xml, language);
  const forms = useRef<CircuitForm[]>(draft.forms);
  // The draft's DMN files: the ref is what the autosave sends, the state what the tab shows.
  const decisionsRef = useRef<CircuitDecision[]>(draft.decisions ?? []);
  const [decisions, setDecisions] = useState<CircuitDecision[]>(decisionsRef.current);
  const [tab, setTab] = useState<'diagram' | 'decisions'>('diagram');
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [selected, setSelected] = useState<DiagramElement | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [designing, setDesigning] = useState<{ taskId: string; formId: string } | null>(null);

  const exportDraft = useCallback(async () => {
    if (!modeler) throw new Error('modeler not ready');
    const { xml } = await modeler.saveXML({ format: true });
    return { xml: xml ?? '', forms: forms.current, decisions: decisionsRef.current };
  }, [modeler]);
  const autosave = useAutosave({ draftId: draft._id, revision: draft.revision, exportDraft });

  useModelerEvent(modeler, 'commandStack.changed', () => autosave.schedule());
  useModelerEvent<{ issues: Record<string, LintIssue[]> }>(modeler, 'linting.completed', (e) => setIssues(flattenIssues(e.issues)));
  useModelerEvent<{ newSelection: DiagramElement[] }>(modeler, 'selection.changed', (e) => setSelected(e.newSelection.length === 1 ? e.newSelection[0]! : null));
  useModelerEvent<{ active: boolean }>(modeler, 'tokenSimulation.toggleMode', (e) => setSimulating(e.active));
  // The first lint ran on import, before the listener above: lint again now that it listens.
  useEffect(() => {
    modeler?.get<{ update: () => void }>('linting').update();
  }, [modeler]);

  const userTaskId = selected?.type === 'bpmn:UserTask' ? selected.id : null;

  function changeDecisions(next: CircuitDecision[]) {
    decisionsRef.current = next;
    setDecisions(next);
    autosave.schedule();
  }

  // The canvas was hidden behind the decisions tab: let bpmn-js measure it again.
  useEffect(() => {
    if (tab === 'diagram') modeler?.get<Canvas>('canvas').resized();
  }, [tab, modeler]);

  function reveal(elementId: string) {
    if (!modeler) return;
    const element = modeler.get<ElementRegistry>('elementRegistry').get(elementId);
    if (!element) return;
    modeler.get<Selection>('selection').select(element);
    if (element.parent) modeler.get<Canvas>('canvas').scrollToElement(element);
  }

  function saveForm(taskId: string, formId: string, schema: string) {
    forms.current = [...forms.current.filter((f) => f.formId !== formId), { formId, schema }];
    const element = modeler?.get<ElementRegistry>('elementRegistry').get(taskId) as Parameters<Modeling['updateProperties']>[0] | undefined;
    // Changing the task is a command: the autosave takes the new form with it.
    if (modeler && element) {
      const modeling = modeler.get<Modeling>('modeling');
      // A form key and a form reference exclude each other; camunda-bpmn-js-behaviors enforces it.
      if (element.businessObject.get('camunda:formKey')) modeling.updateProperties(element, { 'camunda:formKey': undefined });
      modeling.updateProperties(element, { 'camunda:formRef': formId, 'camunda:formRefBinding': 'latest' });
    } else {
      autosave.schedule();
    }
    setDesigning(null);
  }

  const errors = issues.filter(isBlocking).length;
  const blockedReason =
    autosave.state === 'conflict'
      ? t('modeler.deploy.blockedConflict')
      : state !== 'ready'
        ? t('modeler.deploy.blockedLoading')
        : errors > 0
          ? t('modeler.deploy.blockedLint', { count: errors })
          : null;

  return (
    <div className="modeler" data-testid="modeler" data-state={state}>
      <ModelerToolbar
        modeler={modeler}
        processKey={draft.processKey}
        saveState={autosave.state}
        simulating={simulating}
        userTaskId={userTaskId}
        onDesignForm={() => userTaskId && setDesigning({ taskId: userTaskId, formId: `${userTaskId}-form` })}
      />
      <div className="modeler-tabs" role="tablist" aria-label={t('modeler.tabs.label')}>
        {(['diagram', 'decisions'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`modeler-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`modeler-tabpanel-${name}`}
            className="modeler-tabs__tab"
            data-testid={`modeler-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`modeler.tabs.${name}`)}
            {name === 'decisions' && decisions.length > 0 && <span className="badge badge--neutral">{decisions.length}</span>}
          </button>
        ))}
      </div>
      {tab === 'decisions' && (
        <div role="tabpanel" id="modeler-tabpanel-decisions" aria-labelledby="modeler-tab-decisions">
          <DecisionsPanel decisions={decisions} language={language} onChange={changeDecisions} />
        </div>
      )}
      <div className="modeler__workspace" role="tabpanel" id="modeler-tabpanel-diagram" aria-labelledby="modeler-tab-diagram" style={tab === 'diagram' ? undefined : { display: 'none' }}>
        <div ref={canvasRef} className="modeler__canvas" dir="ltr" data-testid="modeler-canvas" data-state={state} />
        <aside ref={panelRef} className="modeler__panel" data-testid="properties-panel" aria-label={t('modeler.properties')} />
      </div>
      {state === 'importing' && <Loading>{t('modeler.loading')}</Loading>}
      {state === 'failed' && (
        <p className="alert alert--error" role="alert" data-testid="modeler-import-error">
          {t('modeler.importFailed')}
        </p>
      )}
      <ImportWarnings warnings={warnings} />
      <div className="modeler__cards">
        <LintPanel issues={issues} onReveal={reveal} nameOf={nameIn(modeler)} />
        <DeployProgress draftId={draft._id} blockedReason={blockedReason} flush={autosave.flush} onDeployed={() => undefined} nameOf={nameIn(modeler)} />
        <VersionsPanel draftId={draft._id} initial={draft.versions} flush={autosave.flush} />
      </div>
      {designing && (
        <Suspense fallback={<Loading>{t('modeler.form.loading')}</Loading>}>
          <FormDesigner
            formId={designing.formId}
            schema={forms.current.find((f) => f.formId === designing.formId)?.schema ?? null}
            onSave={(schema) => saveForm(designing.taskId, designing.formId, schema)}
            onClose={() => setDesigning(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
