import { useTranslation } from 'react-i18next';

/** Shown when bpmn-js could not read a circuit's XML. */
export function DiagramFailedAlert() {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{t('circuits.viewer.error')}</p>
      <p>{t('circuits.viewer.invalid')}</p>
    </div>
  );
}
