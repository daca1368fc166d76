import { useTranslation } from 'react-i18next';

/** The four colours of the diff, in words. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <ul className="diff-legend" aria-label={t('circuitDiff.legend')}>
      {(['added', 'removed', 'changed', 'layout'] as const).map((kind) => (
        <li key={kind} className={`diff-swatch diff-swatch--${kind}`}>
          {t(`circuitDiff.kind.${kind}`)}
        </li>
      ))}
    </ul>
  );
}
