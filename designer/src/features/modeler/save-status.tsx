import { useTranslation } from 'react-i18next';
import type { SaveState } from './modeler.autosave';

/** "Saved / Saving… / Unsaved changes / Conflict (reload)", announced politely. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <span className={`save-status save-status--${state}`} role="status" data-testid="save-status" data-state={state}>
      {t(`modeler.save.${state}`)}
      {state === 'conflict' && (
        <button type="button" className="button button--small button--secondary" data-testid="save-reload" onClick={() => window.location.reload()}>
          {t('modeler.save.reload')}
        </button>
      )}
    </span>
  );
}
