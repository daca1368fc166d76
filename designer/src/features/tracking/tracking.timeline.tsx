import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/i18n/format-date';
import type { TrackingDto } from './tracking.api';

/** The mail's stages in plain words, oldest first; the current one marked. */
export function TrackingTimeline({ tracking }: { tracking: TrackingDto }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const last = tracking.timeline.length - 1;
  return (
    <ol className="tracking__timeline" data-testid="tracking-timeline" aria-label={t('citizenTracking.timeline')}>
      {tracking.timeline.map((item, i) => (
        <li key={`${item.stage}-${item.at}`} className={i === last ? 'tracking__step tracking__step--current' : 'tracking__step'} aria-current={i === last ? 'step' : undefined} data-stage={item.stage}>
          <span className="tracking__step-title">{t(`citizenTracking.stage.${item.stage}`)}</span>
          <time className="muted" dateTime={item.at}>
            {formatDate(item.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
