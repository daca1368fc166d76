import { useTranslation } from 'react-i18next';

/**
 * Under a circuit's name: its key (what the process owner named it in the modeler) and its
 * version, read from the process definition id (`key:version:uuid`); the uuid is the runtime's and
 * is not shown.
 */
export function CircuitIdentity({ id }: { id: string }) {
  const { t } = useTranslation();
  const [key, version] = id.split(':');
  return (
    <p className="page__intro">
      <code dir="ltr">{key}</code>
      {version && /^\d+$/.test(version) && <span className="badge badge--neutral">{t('circuits.version', { version: Number(version) })}</span>}
    </p>
  );
}
