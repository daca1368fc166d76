import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meaningOf, type ImportWarning } from './modeler.import';

/**
 * The warnings of the last import, in the page's language, until dismissed: the diagram opened,
 * but some of the file was not understood (and will not be saved back). bpmn-js's own sentence
 * stays in the tooltip for whoever needs the detail.
 */
export function ImportWarnings({ warnings }: { warnings: ImportWarning[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (warnings.length === 0 || dismissed) return null;
  return (
    <div className="alert alert--warning modeler-warnings" role="status" data-testid="import-warnings" data-count={warnings.length}>
      <div>
        <p className="alert__title">{t('modelerUx.warnings.title', { count: warnings.length })}</p>
        <ul>
          {warnings.map((warning, index) => {
            const { kind, subject } = meaningOf(warning);
            return (
              <li key={index} data-testid="import-warning" data-kind={kind} title={warning.message}>
                {t(`modelerUx.warnings.kinds.${kind}`, { subject })}
              </li>
            );
          })}
        </ul>
      </div>
      <button type="button" className="button button--ghost" data-testid="import-warnings-dismiss" onClick={() => setDismissed(true)}>
        {t('modelerUx.warnings.dismiss')}
      </button>
    </div>
  );
}
