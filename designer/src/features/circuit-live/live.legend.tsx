import { useTranslation } from 'react-i18next';

/** What the overlays on the diagram mean, drawn with the same shapes. */
export function LiveLegend() {
  const { t } = useTranslation();
  return (
    <ul className="live-legend" aria-label={t('circuitLive.legend.label')}>
      <li>
        <span className="live-badge live-badge--running" aria-hidden="true">
          3
        </span>
        {t('circuitLive.legend.running')}
      </li>
      <li>
        <span className="live-badge live-badge--incident" aria-hidden="true">
          ⚠ 1
        </span>
        {t('circuitLive.legend.incidents')}
      </li>
      <li>
        <span className="live-average" aria-hidden="true">
          ≈
        </span>
        {t('circuitLive.legend.average')}
      </li>
    </ul>
  );
}
