import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './modeler.autosave';
import { exportBpmn, exportSvg, toggleSimulation } from './modeler.export';
import { SaveStatus } from './save-status';

interface ModelerToolbarProps {
  modeler: BpmnModeler | null;
  processKey: string;
  saveState: SaveState;
  simulating: boolean;
  /** The selected user task, when one is: it can get a form. */
  userTaskId: string | null;
  onDesignForm: () => void;
}

export function ModelerToolbar({ modeler, processKey, saveState, simulating, userTaskId, onDesignForm }: ModelerToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="modeler-toolbar" role="toolbar" aria-label={t('modeler.toolbar')}>
      <SaveStatus state={saveState} />
      <button type="button" className="button button--secondary" data-testid="form-design" disabled={!userTaskId || simulating} onClick={onDesignForm} title={userTaskId ? undefined : t('modeler.form.selectUserTask')}>
        {t('modeler.form.design')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        data-testid="simulation-toggle"
        aria-pressed={simulating}
        disabled={!modeler}
        onClick={() => modeler && toggleSimulation(modeler)}
      >
        {t('modeler.simulation')}
      </button>
      <button type="button" className="button button--ghost" data-testid="export-bpmn" disabled={!modeler} onClick={() => modeler && void exportBpmn(modeler, processKey)}>
        {t('modeler.export.bpmn')}
      </button>
      <button type="button" className="button button--ghost" data-testid="export-svg" disabled={!modeler} onClick={() => modeler && void exportSvg(modeler, processKey)}>
        {t('modeler.export.svg')}
      </button>
    </div>
  );
}
