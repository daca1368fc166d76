import type { InstanceOperationsDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatList } from './format-list';
import { cancelInstance, moveInstance } from './operations.api';
import { useOperationError } from './operation-error';
import { ReasonDialog } from './reason.dialog';

interface InstanceActionsProps {
  instance: InstanceOperationsDto;
  chronoNumber: string;
  /** After an act: what was done, in words. */
  onDone: (what: 'cancelled' | 'moved', stepName?: string) => void;
}

/** Cancel the instance, or move it to another step of its circuit; both with a reason and a confirmation. */
export function InstanceActions({ instance, chronoNumber, onDone }: InstanceActionsProps) {
  const { t } = useTranslation();
  const operationError = useOperationError();
  const formatList = useFormatList();
  const [target, setTarget] = useState('');
  const [dialog, setDialog] = useState<'cancel' | 'move' | null>(null);
  // A step the circuit left unnamed (a join, say) falls back on its BPMN id: not something to show or pick.
  const targets = instance.targets.filter((s) => s.stepName && s.stepName !== s.activityId);
  const targetName = targets.find((s) => s.activityId === target)?.stepName ?? '';

  const act = (run: () => Promise<unknown>, done: () => void) => async (): Promise<string | null> => {
    try {
      await run();
      done();
      return null;
    } catch (error) {
      return operationError(error);
    }
  };

  return (
    <div className="operations-instance__actions">
      <div className="toolbar">
        <label className="field">
          <span className="field__label">{t('operations.instance.moveTo')}</span>
          <select className="field__input" value={target} data-testid="instance-target" onChange={(event) => setTarget(event.target.value)}>
            <option value="">{t('operations.instance.pickStep')}</option>
            {targets.map((step) => (
              <option key={step.activityId} value={step.activityId}>
                {step.stepName}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--secondary" data-testid="instance-move" disabled={!target} onClick={() => setDialog('move')}>
          {t('operations.instance.move')}
        </button>
        <button type="button" className="button button--danger" data-testid="instance-cancel" onClick={() => setDialog('cancel')}>
          {t('operations.instance.cancel')}
        </button>
      </div>
      {dialog === 'cancel' && (
        <ReasonDialog
          title={t('operations.instance.cancelTitle', { chrono: chronoNumber })}
          confirmLabel={t('operations.instance.cancelConfirm')}
          onConfirm={(reason) => act(() => cancelInstance(instance.id, reason), () => onDone('cancelled'))()}
          onClose={() => setDialog(null)}
          testId="instance-cancel-dialog"
        >
          <p>{t('operations.instance.cancelText')}</p>
        </ReasonDialog>
      )}
      {dialog === 'move' && (
        <ReasonDialog
          title={t('operations.instance.moveTitle', { chrono: chronoNumber })}
          confirmLabel={t('operations.instance.moveConfirm')}
          onConfirm={(reason) => act(() => moveInstance(instance.id, target, reason), () => onDone('moved', targetName))()}
          onClose={() => setDialog(null)}
          testId="instance-move-dialog"
        >
          <p>
            {t('operations.instance.moveText', {
              from: instance.active.length ? formatList(instance.active.map((s) => (s.stepName !== s.activityId ? s.stepName : t('operations.unnamedStep')))) : t('operations.instance.nowhere'),
              to: targetName,
            })}
          </p>
        </ReasonDialog>
      )}
    </div>
  );
}
